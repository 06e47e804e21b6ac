# A second application on the test's display that offers one file for dragging, as a file manager
# does: GTK 3 through PyGObject, the file as a text/uri-list. WorkbenchRobot starts it and drags
# from its button with real pointer events (xdotool), so the drop crosses processes through the X
# server's drag-and-drop protocol (XDND) exactly as a person's drop from a file manager does.
# Usage: python3 dragsource.py <file> <x> <y>   prints "ready" once its window is on the screen,
# "dropped" when a drop target took the file ("not dropped" otherwise), then exits.
import sys

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gio, GLib, Gtk  # noqa: E402

path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
window = Gtk.Window(title="civicsla-test-drag-source")
window.move(x, y)
# A file manager keeps the keyboard when a file is dragged out of it; here, without a window
# manager to hand the keyboard back, the source must never take it from the workbench.
window.set_accept_focus(False)
window.set_focus_on_map(False)
button = Gtk.Button(label="drag me")
button.set_size_request(120, 60)
button.set_can_focus(False)
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda w, ctx, data, info, time: data.set_uris([Gio.File.new_for_path(path).get_uri()]))


def drag_end(widget, context):
    print("dropped" if int(context.get_selected_action()) else "not dropped", flush=True)
    Gtk.main_quit()


button.connect("drag-end", drag_end)
window.add(button)
window.connect("map-event", lambda *a: print("ready", flush=True))
window.connect("destroy", Gtk.main_quit)
window.show_all()
# Never outlive a test that failed before dragging.
GLib.timeout_add_seconds(120, Gtk.main_quit)
Gtk.main()
