"""An upstream that hangs up on the gateway the ways real ones do; a process of its own (``python
closing_upstream.py PORT``), so its timing is not the test's event loop's. HTTP/1.1 keep-alive with h11.

- ``/boom``: 500 without ``Connection: close``, then the connection is closed 50 ms later without reading
  anything more — what uvicorn does after an app exception once the traceback is logged (a Starlette app answers
  the 500, then the exception reaches the server, which closes the transport).
- ``/close-soon``: 200, then closed 20 ms later (an idle connection's keep-alive expiring).
- ``/hangup-once/<name>``: the first request to each name is read whole, then the connection is closed without an
  answer; later ones are answered.
- ``/count/<path>``: how many requests reached ``<path>`` (read whole), as text.
- anything else: 200 ``<METHOD> <path> <body length>``.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter

import h11

SEEN: Counter[str] = Counter()


def _response(status: int, body: bytes) -> list[h11.Response | h11.Data | h11.EndOfMessage]:
    headers = [("content-type", "text/plain"), ("content-length", str(len(body)))]
    return [h11.Response(status_code=status, headers=headers), h11.Data(data=body), h11.EndOfMessage()]


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    connection = h11.Connection(h11.SERVER)
    try:
        while True:
            event = connection.next_event()
            if event is h11.NEED_DATA:
                data = await reader.read(65536)
                connection.receive_data(data)
                if not data:
                    return
                continue
            if not isinstance(event, h11.Request):
                return
            method, path = event.method, event.target.decode()
            body = 0
            while not isinstance(event := connection.next_event(), h11.EndOfMessage):
                if event is h11.NEED_DATA:
                    connection.receive_data(await reader.read(65536))
                elif isinstance(event, h11.Data):
                    body += len(event.data)
            SEEN[path] += 1
            if path.startswith("/hangup-once/") and SEEN[path] == 1:
                return  # read, never answered
            if path == "/boom":
                status, answer, close_after = 500, b"boom", 0.05
            elif path == "/close-soon":
                status, answer, close_after = 200, b"closing", 0.02
            elif path.startswith("/count/"):
                status, answer, close_after = 200, str(SEEN[path[len("/count") :]]).encode(), None
            else:
                status, answer, close_after = 200, b"%s %s %d" % (method, path.encode(), body), None
            writer.write(b"".join(connection.send(part) or b"" for part in _response(status, answer)))
            await writer.drain()
            if close_after is not None:
                await asyncio.sleep(close_after)
                return
            connection.start_next_cycle()
    except (ConnectionError, h11.ProtocolError):
        return
    finally:
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(_serve, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
