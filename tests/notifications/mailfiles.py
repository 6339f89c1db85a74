"""Read the messages a worker in another process wrote with Django's file email backend."""

from email import message_from_bytes
from email.policy import default
from pathlib import Path

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def read_messages(folder):
    messages = []
    for path in sorted(Path(folder).glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                messages.append(message_from_bytes(chunk, policy=default))
    return messages
