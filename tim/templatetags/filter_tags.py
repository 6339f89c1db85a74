from django import template

from tim import filter_summary

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_summary_for(context, form):
    """`{% filter_summary_for filter_form as filters %}`: .quick, .active, .count, .clear_url."""
    request = context["request"]
    active = filter_summary.active_filters(form, request.path, request.GET)
    return {
        "quick": filter_summary.quick_links(form, request.path, request.GET),
        "active": active,
        "count": len(active),
        "clear_url": request.path,
    }
