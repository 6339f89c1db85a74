import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tim.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the models, the URL patterns) lives as long as the
# process. Frozen, a full garbage collection no longer walks it: the slowest 1 % of the city's
# calendars and the HSDS export, which make many objects, no longer wait ~150 ms for one.
gc.freeze()
