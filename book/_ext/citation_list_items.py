"""Give each bibliography entry the ARIA role its list requires: `listitem`, not `doc-biblioentry`.

Docutils 0.21 wraps citations in `<div role="list">` and marks each one
`role="doc-biblioentry"`, a role DPUB-ARIA 1.1 deprecated; a list may then hold
only list items, so axe-core reports the bibliography as a critical
`aria-required-children` violation. Each page's body is rewritten once it is rendered.
"""

OLD = 'role="doc-biblioentry"'
NEW = 'role="listitem"'


def _list_items(app, pagename, templatename, context, doctree):
    if OLD in context.get("body", ""):
        context["body"] = context["body"].replace(OLD, NEW)


def setup(app):
    app.connect("html-page-context", _list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
