"""Keep a buurt's summary current: count it again after something in it is (un)published."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def refresh_after_change(sender, instance, **kwargs):
    from tim.page_tree import buurt_of

    from . import tasks

    buurt = buurt_of(instance)
    if buurt is None:
        return

    def ask(buurt_id=buurt.pk):
        try:
            tasks.refresh_buurt.delay(buurt_id)
        except Exception:  # noqa: BLE001 - the broker may be down; the nightly run catches up
            logger.warning("Buurt %s not queued for counting; the nightly run counts it.", buurt_id)

    transaction.on_commit(ask)
