"""Stage: web. The local web application for policy staff and its JSON HTTP API, started by `cds serve`.

A thin layer over the library: the pages and the API (`app`: Starlette) call the same functions as the
``cds`` commands (`service`: check, inputs, score, rank, explain, compile), show the same diagnostics
(`errors`: every failure is a coded JSON object, never a traceback), keep drafts in the working folder
(`drafts`), lay a ruleset out as its decision does with the findings underlined (`layout`) and draw the
cohort charts as SVG (`charts`).  Templates and static files ship inside the package (``templates/``,
``static/``): nothing is fetched from the internet at run time.
"""
