from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from tim.params import local_target, require_valid
from tim.ratelimits import limit_form_posts

from . import services
from .forms import FollowForm, FollowsForm
from .models import Follow, Frequency


@require_POST
@limit_form_posts
def follow(request, page_id):
    """The follow control on a page: htmx swaps the control, without JavaScript we go back.

    Only pages anyone may see can be followed: nothing behind a view restriction is sent out.
    """
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    form = FollowForm(request.POST)
    target = local_target(request, form.data.get("next"), page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(target)
    if form.is_valid():
        services.follow_page(user=request.user, page=page, frequency=form.cleaned_data["frequency"])
        if not request.htmx:
            messages.success(request, _("Saved. You can change this on this page at any time."))
    if request.htmx:
        return render(
            request,
            "components/notifications/follow_button.html",
            follow_button_context(request, page, form=form, saved=form.is_valid()),
        )
    return HttpResponseRedirect(target)


def follow_button_context(request, page, form=None, saved=False):
    follow = None
    if request.user.is_authenticated:
        follow = Follow.objects.filter(user=request.user, page=page).first()
    if form is None:
        form = FollowForm(
            initial={
                "frequency": follow.frequency if follow else Frequency.WEEKLY,
                "next": request.get_full_path(),
            },
            auto_id=f"follow-{page.pk}-%s",
        )
    return {"request": request, "page": page, "follow": follow, "form": form, "saved": saved}


@login_required
def follows(request):
    """All follows on one page: change how often, or stop following."""
    user_follows = list(
        Follow.objects.filter(user=request.user).select_related("page").order_by("page__title")
    )
    if request.method == "POST":
        form = require_valid(FollowsForm(request.POST, follows=user_follows))
        remove = form.cleaned_data["remove"]
        if remove is not None:
            page = form.follows[remove].page
            services.unfollow_page(user=request.user, page=page)
            messages.success(request, _("You no longer follow %s.") % page.title)
            return redirect("notifications:follows")
        for follow, frequency in form.changed_frequencies():
            services.follow_page(user=request.user, page=follow.page, frequency=frequency)
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:follows")
    return render(
        request,
        "notifications/follows.html",
        {"follows": user_follows, "frequencies": Frequency.choices},
    )


@csrf_exempt
def unsubscribe(request, token):
    """RFC 8058: a POST with the signed token switches off, without login or CSRF token.

    A GET (a person clicking the link, or a mail scanner following it) only asks to confirm.
    """
    try:
        services.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        follows = services.unsubscribe(token=token)
        return render(request, "notifications/unsubscribed.html", {"follows": follows})
    return render(request, "notifications/unsubscribe.html", {"token": token})
