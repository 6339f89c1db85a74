from django import template

register = template.Library()


@register.inclusion_tag("components/accounts/my_buurt.html", takes_context=True)
def my_buurt(context):
    """ "Mijn buurt" on the city home page for a resident who is logged in."""
    request = context["request"]
    user = request.user
    buurt = user.home_buurt if user.is_authenticated and user.home_buurt_id else None
    return {"request": request, "buurt": buurt if buurt and buurt.live else None}
