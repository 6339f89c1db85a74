"""Deploy checks: `manage.py check --deploy` fails while a demo account has the demo password."""

from django.conf import settings
from django.core import checks

DEMO_PASSWORD = "tim-demo-2026"


@checks.register(checks.Tags.security, deploy=True)
def demo_passwords_refused(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    try:
        users = list(get_user_model().objects.filter(email__endswith="@demo.thuisinmaastricht.nl"))
    except DatabaseError:
        return []
    weak = [user.email for user in users if user.check_password(DEMO_PASSWORD)]
    if not weak:
        return []
    return [
        checks.Error(
            f"Demo accounts still use the demo password: {', '.join(weak)}.",
            hint="Remove the demo accounts or give them real passwords before going live.",
            id="tim.E001",
        )
    ]
