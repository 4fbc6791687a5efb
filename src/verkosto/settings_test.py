"""Test settings: the real settings with slow things turned off."""

from verkosto.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Background tasks run at once, in the test's own transaction.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# Sentence embeddings cost 10-200 ms a text: tests that are about them turn them on.
VERKOSTO_EMBEDDINGS = False
