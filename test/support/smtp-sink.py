"""A real SMTP server on loopback for the send tests (aiosmtpd, Debian's python3-aiosmtpd).

Usage: smtp-sink.py DIR. Listens on 127.0.0.1 on a free port, prints "READY <port>" once it accepts
connections, and writes every message it receives to DIR/NNN.eml exactly as received (the DATA
bytes after dot-unstuffing, CRLF line ends) with its envelope in DIR/NNN.json. Stops on stdin EOF.
"""
import json
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.n = 0

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(self.out, "%03d" % self.n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    port = free_port()
    controller = Controller(Sink(sys.argv[1]), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY %d" % port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
