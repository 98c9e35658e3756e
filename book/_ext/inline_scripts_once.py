"""Write each inline <script> once: a backport of the fix in Sphinx 8.2 (sphinx-doc/sphinx#13402).

Sphinx 7 hands the HTML builder an inline script added after the builder started
(sphinx-thebe's, sphinx-togglebutton's) twice, once named None and once '', so
both copies reach every page, and the second `const THEBE_JS_URL` stops with
"Identifier 'THEBE_JS_URL' has already been declared". Naming it '' both times,
as Sphinx 8.2 does, lets the builder see the duplicate.
"""

from sphinx.builders.html import StandaloneHTMLBuilder


def setup(app):
    add_js_file = StandaloneHTMLBuilder.add_js_file

    def add_js_file_once(builder, filename, **kwargs):
        add_js_file(builder, filename or "", **kwargs)

    StandaloneHTMLBuilder.add_js_file = add_js_file_once
    return {"parallel_read_safe": True, "parallel_write_safe": True}
