#!/usr/bin/python3
"""Accept or reject all tracked changes of .docx files in LibreOffice.

Usage: lo_revisions.py PIPE accept|reject IN.docx OUT.txt [accept|reject IN OUT ...]

Connects to a soffice started with --accept=pipe,name=PIPE;urp; loads each
file hidden, dispatches .uno:AcceptAllTrackedChanges or
.uno:RejectAllTrackedChanges and saves the result as UTF-8 text, one
paragraph a line. Run with the system python3, which has the uno module.
"""
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    for _ in range(120):
        try:
            return resolver.resolve(url)
        except Exception:
            time.sleep(0.5)
    raise SystemExit("cannot connect to soffice on pipe " + pipe)


def resolve_all(ctx, action, src, dst):
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                       (prop("Hidden", True),))
    try:
        frame = doc.getCurrentController().getFrame()
        cmd = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
        dispatcher.executeDispatch(frame, cmd, "", 0, ())
        left = doc.getRedlines().getCount() if hasattr(doc, "getRedlines") else 0
        if left:
            raise SystemExit("%s: %d tracked changes left after %s" % (src, left, action))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
    finally:
        doc.close(True)


def main(argv):
    ctx = connect(argv[1])
    jobs = argv[2:]
    if not jobs or len(jobs) % 3:
        raise SystemExit(__doc__)
    for i in range(0, len(jobs), 3):
        resolve_all(ctx, jobs[i], jobs[i + 1], jobs[i + 2])
    try:
        ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
    except Exception:
        pass  # the bridge goes down with soffice


if __name__ == "__main__":
    main(sys.argv)
