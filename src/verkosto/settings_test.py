"""Test settings: the real settings with slow things turned off."""

from verkosto.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
