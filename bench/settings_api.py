"""Settings for the server the API benchmark drives: the real settings, plus the ceiling
views and a query counter. Persistent database connections, as any deployment would
configure them, so neither side pays for a new connection per request."""

from verkosto.settings import *  # noqa: F403
from verkosto.settings import DATABASES, MIDDLEWARE

ROOT_URLCONF = "bench.urls_api"
MIDDLEWARE = ["bench.ceiling.QueryCountMiddleware", *MIDDLEWARE]
DATABASES["default"]["CONN_MAX_AGE"] = 600
DEBUG = False
