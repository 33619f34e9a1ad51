"""Run by the Jupyter kernels that execute the notebooks during a site build.

scripts/website.py names this file in ``PYTHONSTARTUP`` while it builds the two
languages side by side, and IPython runs it when a kernel starts: the kernel then
shares training runs with the pages and with the other language's notebook, as
the build processes do (scripts/sharing.py). The notebooks train the same
networks in both languages, so one of them takes the other's results instead of
training again. Without ``SNIPPETS_SHARED_DIR`` it does nothing.
"""

import os as _os

if _os.environ.get("SNIPPETS_SHARED_DIR"):  # sharing.SHARED_DIR_VARIABLE
    import sharing as _sharing  # IPython runs this file with its folder on the path

    _sharing.install()
    del _sharing
del _os
