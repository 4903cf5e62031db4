import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
application = get_wsgi_application()
# What the application loaded (modules, URL patterns, translations: ~170,000 objects) lives as
# long as the process: frozen, it is no longer walked by every full garbage collection, which
# then costs a request's garbage only (at province scale a collection over the whole heap was
# a figure page's p95). With gunicorn --preload the frozen pages also stay shared after fork.
gc.freeze()
