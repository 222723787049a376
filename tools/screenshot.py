"""Screenshot pages of a built site with Debian's Chromium: `python tools/screenshot.py SITE_DIR PATH OUT.png [--dark] [--width N] [--full]`.

Serves SITE_DIR on 127.0.0.1:8000 (the default site_url) while it runs; for looking at what we make.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading

from playwright.sync_api import sync_playwright


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("path")
    parser.add_argument("out")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=args.site)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": args.width, "height": args.height}, color_scheme="dark" if args.dark else "light")
            page.goto(f"http://127.0.0.1:{args.port}/{args.path.lstrip('/')}")
            page.wait_for_timeout(300)
            page.screenshot(path=args.out, full_page=args.full)
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
