"""The reactions block as an htmx partial (BasePage.htmx_partials), without imports of its own.

A reaction form posts with htmx to its usual view, which redirects to the page as always; htmx
follows the redirect with its HX-Target header ("reacties"), and the page then answers with only
the reactions block, which replaces the old one. Without JavaScript the same forms post and
redirect to the whole page.
"""

REACTIONS_TARGET = "reacties"
REACTIONS_PARTIAL = "components/participation/reactions_partial.html"
REACTIONS_PARTIALS = {REACTIONS_TARGET: REACTIONS_PARTIAL}
