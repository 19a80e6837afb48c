"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd).

usage: smtp_server.py PORT DIR [--reject ADDRESS] [--drop-data] [--discard]

Each accepted message is saved in DIR as N.eml, N.json (envelope and
headers) and N-<attachment name> (each attachment's bytes), so a test can
compare them with what it sent. --reject makes the server refuse one
recipient with 550; --drop-data closes the connection when a message's data
arrives, before answering; --discard accepts messages without saving them
(for the send benchmark). Prints "ready" when it listens.
"""
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.controller import Controller


class Saver:
    def __init__(self, folder, reject, drop, discard):
        self.folder, self.reject, self.drop, self.discard, self.count = folder, reject, drop, discard, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and address.lower() == self.reject.lower():
            return "550 5.1.1 <%s>: no such user here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop:
            server.transport.abort()
            return "421 dropped"
        self.count += 1
        if self.discard:
            return "250 2.0.0 Ok: queued as %d" % self.count
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.content)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        attachments = []
        for part in message.iter_attachments():
            name = part.get_filename()
            with open("%s-%s" % (base, name), "wb") as f:
                f.write(part.get_content())
            attachments.append(name)
        body = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(
                {
                    "from": envelope.mail_from,
                    "to": envelope.rcpt_tos,
                    "subject": str(message["subject"]),
                    "message_id": str(message["message-id"]),
                    "text": body.get_content() if body else "",
                    "html": html.get_content() if html else "",
                    "attachments": attachments,
                },
                f,
                ensure_ascii=False,
            )
        return "250 2.0.0 Ok: queued as %d" % self.count


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    reject = sys.argv[sys.argv.index("--reject") + 1] if "--reject" in sys.argv else None
    controller = Controller(Saver(folder, reject, "--drop-data" in sys.argv, "--discard" in sys.argv), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
