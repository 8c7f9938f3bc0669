"""Settings for the Green Industry Service Platform.

Everything that differs between machines comes from the environment (see README.md).
With no environment at all the portal runs embedded: SQLite, a local-memory cache and
Celery tasks executed in-process. Production (DEBUG off) refuses to start without a secret key.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (production)."
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# The public address of the site, for links in e-mails sent by background tasks (no request).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For.
# 0: the site faces clients directly and REMOTE_ADDR is the client (the header is ignored).
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "platform_site.apps.PlatformAdminConfig",
    # Before django.contrib.auth: its createsuperuser command replaces auth's.
    "platform_site",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: runserver leaves static files to whitenoise, as in production. Django's
    # own handler answered a path out of the static directories (/static/../x) with a 500.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Django's widget templates, for the form renderer that reads the project's templates first.
    "django.forms",
    "django.contrib.postgres",
    "django_filters",
    "django_celery_beat",
    # The public API (/api/v1/, databases/api/): Django REST framework, its OpenAPI schema and
    # the Swagger UI served from our own static files (the CSP allows no CDN).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "reversion",
    "import_export",
    "databases",
    "matchmaking",
    "cms",
    # Last, as its documentation asks: it wraps the authentication of every app above.
    "axes",
]

MIDDLEWARE = [
    # Outermost, so that the error pages of exceptions raised by the middleware below
    # (a disallowed host, a CSRF failure) carry these headers too.
    "platform_site.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before anything that may answer (CommonMiddleware's redirects): CORS headers on /api/ only.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what the middleware below and the views answer (not whitenoise's files).
    "platform_site.middleware.TextCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CsrfViewMiddleware reads the form), and after
    # LocaleMiddleware, so that its 413 page is in the URL's language.
    "platform_site.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "platform_site.middleware.QueryControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Inside AuthenticationMiddleware: it needs request.user.
    "platform_site.middleware.PrivatePagesMiddleware",
    # Lets the audit trail know the address and browser of the request it records.
    "platform_site.audit.AuditRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Refuses the rate-limited account actions while the cache that counts them is away.
    "platform_site.middleware.AccountActionsWithoutCacheMiddleware",
    # After AccountMiddleware: it sends staff to allauth's pages to enrol or confirm a factor.
    "platform_site.middleware.StaffSecondFactorMiddleware",
    # Last: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "platform_site.urls"
WSGI_APPLICATION = "platform_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "platform_site.context_processors.site",
                "cms.context_processors.chrome",
            ],
        },
    },
    # The portal's plain-text e-mails (platform_site/mail.py): what people typed is sent as
    # typed, not HTML-escaped. It sees only templates/emails/, so no page renders without escaping.
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "NAME": "email",
        "DIRS": [BASE_DIR / "templates" / "emails"],
        "OPTIONS": {"autoescape": False},
    },
]

# Every form's fields as templates/forms/field.html lays them out (platform_site/forms.py).
FORM_RENDERER = "platform_site.forms.FormRenderer"

# SQLite by default; PostgreSQL (or any database URL) through DATABASE_URL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when configured, is both the cache and the Celery broker.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails open: without Redis, pages are served uncached (platform_site/redis_cache.py).
            "BACKEND": "platform_site.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="gisp"),
            "OPTIONS": {
                # Seconds a request waits for Redis to accept a connection, and to answer.
                "socket_connect_timeout": env.float("CACHE_CONNECT_TIMEOUT", default=0.25),
                "socket_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=0.5),
                # Seconds a process serves uncached, without asking, after Redis failed it.
                "retry_seconds": env.float("CACHE_RETRY_SECONDS", default=5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
# At least once, as Celery's documentation advises for tasks that may run twice harmlessly (ours
# claim their work in the database): a message is acknowledged after its task has run, and one
# whose pool process died (killed, out of memory) goes back to the queue. docs/reliability.md.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Every task's time limits unless it sets its own (matchmaking's long tasks do): the soft one
# raises in the task so it can let go of its work, the hard one kills the pool process.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=5 * 60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=6 * 60)
# Redis gives a message nobody acknowledged within this time to another worker (the worker
# that took it was killed outright). It must exceed the longest task's hard time limit and the
# longest countdown of a retry, or a message still in hand would run twice at once; the relays
# and the matchmaking watchdog recover lost work long before it.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # A Redis that is down or unreachable fails a publish in seconds rather than hanging the
    # request that publishes: the work is in the database and a relay queues it later; then the
    # process stops trying for a while (platform_site/celery.py). Above the workers' 1 s BRPOP.
    "socket_connect_timeout": 2,
    "socket_timeout": 2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

# Accounts (django-allauth): log-in by e-mail address, which sign-up verifies before first use.
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and address are refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    # The admin's log-in form asks for the username.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "databases:member-dashboard"
ACCOUNT_ADAPTER = "platform_site.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "platform_site.accounts.SignupForm"
ACCOUNT_USER_DISPLAY = "platform_site.accounts.user_display"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# No page says whether an address has an account: sign-up and reset answer the same either way.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "cms:home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "signup": "5/h/ip",
    "login": "30/m/ip",
    # Per client address; django-axes locks an account out after 5 failures (below).
    "login_failed": "20/m/ip,100/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Members hear of every change to their password, e-mail addresses and second factors.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Imports, history reverts, recoveries and changes to accounts and roles ask for the password or
# a second factor again when the last confirmation is older than this (seconds).
ACCOUNT_REAUTHENTICATION_TIMEOUT = env.int("DJANGO_REAUTHENTICATION_SECONDS", default=300)

# Second factors (django-allauth's MFA): authenticator apps (TOTP) with recovery codes, and
# security keys or passkeys (WebAuthn). Every account that can open the admin must have one
# before the admin opens, unless DJANGO_STAFF_MFA_REQUIRED is off (only `make run` turns it off).
STAFF_MFA_REQUIRED = env.bool("DJANGO_STAFF_MFA_REQUIRED", default=True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Green Industry Service Platform"
# Browsers offer WebAuthn on HTTPS and on localhost; development serves plain HTTP.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Days the audit trail of staff actions is kept (platform_site.models.AuditEvent); a daily task
# removes older events.
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=730)

# Brute-force protection of every log-in (django-axes; the admin signs in through the same
# page): 5 failures for one account, whatever form of its name was typed, lock it out for 15
# minutes, never for good. Failures per client address are limited too (login_failed above).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes warns that it then counts no address: allauth's login_failed limit (above) does, so that
# one careless colleague behind the same address does not lock out the whole office.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "platform_site.accounts.axes_username"
AXES_CLIENT_IP_CALLABLE = "platform_site.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default and the fallback of every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "中文"),
    ("ru", "Русский"),
    ("pt-br", "Português"),
    ("hi", "हिन्दी"),
]
# locale_vendor/ holds what third-party apps lack (django-allauth has no Hindi); locale/ wins.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

# Every file under MEDIA_URL goes through the media view, which checks who may see it. Behind
# nginx, it then hands the sending to nginx's internal location with this prefix (e.g.
# /_protected_media/); empty, the view sends the file itself.
MEDIA_ACCEL_REDIRECT = env.str("MEDIA_ACCEL_REDIRECT", default="")
if MEDIA_ACCEL_REDIRECT:
    MEDIA_ACCEL_REDIRECT = MEDIA_ACCEL_REDIRECT.rstrip("/") + "/"

# S3-compatible media storage when a bucket is configured; local files otherwise. The bucket is
# private: the media view sends those who may see a file to a link that expires.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "platform_site.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
            "signature_version": "s3v4",
        },
    }
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# The mail server: EMAIL_URL (django-environ's form, e.g. smtp+tls://user:password@host:587)
# or EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL
# (what the URL leaves out). With neither, e-mails are printed: the development default.
_mail_url = env.email_url_config(env.str("EMAIL_URL")) if env.str("EMAIL_URL", default="") else {}
EMAIL_HOST = _mail_url.get("EMAIL_HOST") or env.str("EMAIL_HOST", default="")
EMAIL_PORT = _mail_url.get("EMAIL_PORT") or env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = _mail_url.get("EMAIL_HOST_USER") or env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = _mail_url.get("EMAIL_HOST_PASSWORD") or env.str(
    "EMAIL_HOST_PASSWORD", default=""
)
EMAIL_USE_TLS = _mail_url.get("EMAIL_USE_TLS") or env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = _mail_url.get("EMAIL_USE_SSL") or env.bool("EMAIL_USE_SSL", default=False)
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=_mail_url.get("EMAIL_BACKEND")
    or (
        "django.core.mail.backends.smtp.EmailBackend"
        if EMAIL_HOST
        else "django.core.mail.backends.console.EmailBackend"
    ),
)
EMAIL_HOST = EMAIL_HOST or "localhost"
# Seconds any one SMTP operation may take: a hung mail server holds a worker this long, not
# forever (the e-mail is retried later).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="noreply@green-platform.local")

# Security headers. The CSP allows no inline script: a script that is needed carries the nonce.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"] + env.list("CSP_IMG_SOURCES", default=[]),
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    # Only where the site is served over HTTPS: on plain HTTP it would break every asset.
    "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No script reads a cookie: forms carry the CSRF token and the language is in the URL.
# Sessions are read from the cache and kept in the database: every request that carries a session
# cookie looks it up (platform_site/cache.py asks whether it is a live one), and without Redis
# the database still has them.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Only behind the deployment's own proxies, the nearest of which sets X-Forwarded-Proto (replacing
# whatever the client sent): facing clients directly, the header would let anyone claim HTTPS.
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The site's own 403 page, in the visitor's language, instead of Django's English one.
CSRF_FAILURE_VIEW = "platform_site.views.csrf_failure"

# Monitors sending "Authorization: Bearer <token>" get /healthz's details per check (staff get
# them too); empty: no token is accepted. Everyone else learns only up or down.
HEALTHZ_TOKEN = env.str("HEALTHZ_TOKEN", default="")

# Serves /bench/baseline, the trivial view the HTTP benchmark compares pages with.
BENCHMARK_ENDPOINTS = env.bool("DJANGO_BENCHMARK_ENDPOINTS", default=False)

# The largest request body accepted, refused from its Content-Length before it is read (a proxy
# in front should refuse larger ones itself: client_max_body_size in deploy/nginx/).
MAX_REQUEST_BYTES = env.int("DJANGO_MAX_REQUEST_BYTES", default=25 * 1024 * 1024)
# Files in one request: a member's submission form sends at most 6 images and a PDF.
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Seconds a public page (or an API answer) is cached for visitors without a session (0 turns it
# off); a change to what it shows makes it stale at once (platform_site/cache.py).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
# A member's dashboard, kept for them until something it shows changes, at most this long.
PERSONAL_PAGE_CACHE_SECONDS = env.int("PERSONAL_PAGE_CACHE_SECONDS", default=300)

# Records per page on the public list pages.
RECORDS_PER_PAGE = 24

# The public API (databases/api/): read-only, anonymous, JSON. Its errors are JSON too.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["databases.api.throttling.ClientAddressThrottle"],
    "EXCEPTION_HANDLER": "databases.api.views.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per client address (platform_site/client_ip.py): "120/min", "2000/hour", "5000/day".
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="120/min")
# Records per API page by default, and the most a client may ask for with ?page_size=.
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=24)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=100)
SPECTACULAR_SETTINGS = {
    "TITLE": "Green Industry Service Platform API",
    "DESCRIPTION": (
        "Read-only open data: the published records of the five resource databases and the "
        "shared taxonomies. Anonymous, rate-limited per address; versioned (breaking changes "
        "go to /api/v2/). Records are open data under the licence shown on /en/data/; the "
        "countries taxonomy derives from mledoze/countries (ODbL 1.0), the SDG texts from "
        "open-sdg/sdg-translations (MIT)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Its only warnings are that it cannot tell the type of the taxonomy filters' values (their
    # codes, given as strings) and of the sort (choices set per request), which it then
    # documents as strings: true, and they would fill the log at each request of the schema
    # and `check --deploy`. tests/databases/test_api.py checks the schema.
    "DISABLE_ERRORS_AND_WARNINGS": True,
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
# Anyone's page or script may read the API (GET only, no cookies); nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Content-Language"]

# Bulk downloads of every database (databases/open_data.py), regenerated by an hourly beat task
# when the published records changed; rows fetched per database round trip while streaming.
OPEN_DATA_CHUNK_SIZE = env.int("OPEN_DATA_CHUNK_SIZE", default=2000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs every log-in at INFO; its warnings (failures, lock-outs) are what matter.
    "loggers": {"axes": {"level": "WARNING"}},
}

# modeltranslation's tabbed admin needs jQuery UI: served from our static files, not a CDN (CSP).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Spreadsheet import and export in the admin (django-import-export, CSV and XLSX: see
# databases/admin.py). The file waits for the confirmation in the shared cache, so any web
# process can finish an import.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
# A cell such as =HYPERLINK(...) is exported as text, not as a formula a spreadsheet would run.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# Working days within which the secretariat aims to review a submission (members see it).
REVIEW_TARGET_DAYS = env.int("REVIEW_TARGET_DAYS", default=5)

# Matchmaking: projects scored per Celery task, and how long a run may go without progress
# before the watchdog fails it (no chunk done: its workers keep dying, or a step keeps failing).
MATCHMAKING_CHUNK_SIZE = env.int("MATCHMAKING_CHUNK_SIZE", default=250)
MATCHMAKING_RUN_TIMEOUT = env.int("MATCHMAKING_RUN_TIMEOUT", default=3 * 60 * 60)
# Seconds each step of a run may take before it gives up and fails the run; its worker process
# is killed 30 s later, and the watchdog hands a chunk to another worker only after that. At
# 18,039 projects x 90,045 enterprises (docs/benchmarks.md) preparing took 39 s, a chunk of 250
# projects 1.5-3 s and finalising 90 s: the defaults leave 20 to 100 times that, and a chunk's
# grows with its size.
MATCHMAKING_PREPARE_TIME_LIMIT = env.int("MATCHMAKING_PREPARE_TIME_LIMIT", default=15 * 60)
MATCHMAKING_CHUNK_TIME_LIMIT = env.int(
    "MATCHMAKING_CHUNK_TIME_LIMIT", default=max(60, MATCHMAKING_CHUNK_SIZE)
)
MATCHMAKING_FINALIZE_TIME_LIMIT = env.int("MATCHMAKING_FINALIZE_TIME_LIMIT", default=30 * 60)
# The real-data set (a folder shaped like ../shared/data/matchmaking-dev) on which weights
# learned from feedback must do at least as well as those in use before they go live; empty:
# they are judged on held-back feedback alone.
MATCHMAKING_EVALUATION_DATASET = env.str("MATCHMAKING_EVALUATION_DATASET", default="")
