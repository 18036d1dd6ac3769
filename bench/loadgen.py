"""A small closed-loop HTTP/1.1 load generator for loopback benchmarks.

Why not only wrk: when wrk's time is up it drops the requests in flight, which the
server may still complete (and store). Counting stored applications against 201
answers then needs the generator to *drain*: stop starting requests at the deadline
and wait for every request already sent. This generator does that, keeps every
latency sample (exact percentiles, nearest rank) and counts answers per status.

One thread, non-blocking sockets and ``selectors``; one TCP connection per request
(gunicorn's sync workers close the connection after each response anyway). Latency
is measured from the start of ``connect()`` to the last byte of the response, so it
includes the connection set-up (wrk starts its clock after the connection is up).
Only loopback addresses are accepted.
"""

from __future__ import annotations

import errno
import ipaddress
import selectors
import socket
import time
from dataclasses import dataclass, field
from typing import Literal

Phase = Literal["connect", "send", "read"]


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""

    def encode(self, host: str, port: int) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {host}:{port}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        if self.body or self.method in {"POST", "PUT", "PATCH"}:
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


@dataclass(slots=True)
class Result:
    """What one run measured. ``latencies_s`` holds one sample per complete answer."""

    duration_s: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies_s: list[float] = field(default_factory=list)
    connect_errors: int = 0
    read_errors: int = 0
    timeouts: int = 0

    @property
    def answers(self) -> int:
        return sum(self.statuses.values())

    @property
    def socket_errors(self) -> int:
        return self.connect_errors + self.read_errors + self.timeouts

    def percentile_ms(self, p: float) -> float:
        """Nearest-rank percentile of all samples, in milliseconds."""
        if not self.latencies_s:
            return float("nan")
        ordered = sorted(self.latencies_s)
        rank = max(1, -(-len(ordered) * p // 100))  # ceil(n·p/100)
        return ordered[int(rank) - 1] * 1000

    @property
    def requests_per_s(self) -> float:
        return self.answers / self.duration_s if self.duration_s else 0.0


@dataclass(slots=True)
class _Slot:
    """One of the concurrent connections of the closed loop."""

    index: int
    sock: socket.socket | None = None
    phase: Phase = "connect"
    payload: bytes = b""
    sent: int = 0
    buffer: bytearray = field(default_factory=bytearray)
    started: float = 0.0
    expected_length: int | None = None
    header_end: int = -1
    status: int = 0


def _check_loopback(host: str) -> None:
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"only loopback targets are allowed, not {host}")


def run(
    host: str,
    port: int,
    requests: list[Request],
    *,
    connections: int,
    duration_s: float,
    timeout_s: float = 10.0,
) -> Result:
    """Keep ``connections`` requests in flight for ``duration_s``, then drain.

    Requests are taken round-robin from ``requests``. The run is bounded: no request
    starts after the deadline and none is waited for longer than ``timeout_s``.
    """
    _check_loopback(host)
    if not requests:
        raise ValueError("no requests to send")
    payloads = [r.encode(host, port) for r in requests]
    selector = selectors.DefaultSelector()
    result = Result()
    next_payload = 0
    begin = time.perf_counter()
    deadline = begin + duration_s
    active = 0

    def start(slot: _Slot) -> None:
        nonlocal next_payload, active
        slot.payload = payloads[next_payload % len(payloads)]
        next_payload += 1
        slot.sent = 0
        slot.buffer.clear()
        slot.expected_length = None
        slot.header_end = -1
        slot.status = 0
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        slot.sock = sock
        slot.phase = "connect"
        slot.started = time.perf_counter()
        code = sock.connect_ex((host, port))
        if code not in (0, errno.EINPROGRESS):
            result.connect_errors += 1
            sock.close()
            slot.sock = None
            return
        selector.register(sock, selectors.EVENT_WRITE, slot)
        active += 1

    def finish(slot: _Slot, *, status: int | None, error: str | None = None) -> None:
        nonlocal active
        now = time.perf_counter()
        if slot.sock is not None:
            selector.unregister(slot.sock)
            slot.sock.close()
            slot.sock = None
            active -= 1
        if status is not None:
            result.statuses[status] = result.statuses.get(status, 0) + 1
            result.latencies_s.append(now - slot.started)
        elif error == "connect":
            result.connect_errors += 1
        elif error == "timeout":
            result.timeouts += 1
        else:
            result.read_errors += 1
        if now < deadline:
            start(slot)

    def parse(slot: _Slot) -> bool:
        """True when the answer in the buffer is complete."""
        if slot.header_end < 0:
            end = slot.buffer.find(b"\r\n\r\n")
            if end < 0:
                return False
            slot.header_end = end + 4
            head = bytes(slot.buffer[:end]).decode("latin-1").split("\r\n")
            slot.status = int(head[0].split(" ", 2)[1])
            for line in head[1:]:
                name, _colon, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    slot.expected_length = int(value.strip())
        if slot.expected_length is None:
            return False  # read until the server closes
        return len(slot.buffer) - slot.header_end >= slot.expected_length

    slots = [_Slot(i) for i in range(connections)]
    for slot in slots:
        start(slot)

    hard_stop = deadline + timeout_s
    while active:
        now = time.perf_counter()
        if now > hard_stop:
            for slot in slots:
                if slot.sock is not None:
                    finish(slot, status=None, error="timeout")
            break
        for key, _events in selector.select(timeout=0.05):
            slot = key.data
            sock = slot.sock
            if sock is None:
                continue
            if slot.phase == "connect":
                code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code:
                    finish(slot, status=None, error="connect")
                    continue
                slot.phase = "send"
            if slot.phase == "send":
                try:
                    slot.sent += sock.send(slot.payload[slot.sent :])
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    finish(slot, status=None, error="read")
                    continue
                if slot.sent == len(slot.payload):
                    slot.phase = "read"
                    selector.modify(sock, selectors.EVENT_READ, slot)
                continue
            try:
                chunk = sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                finish(slot, status=None, error="read")
                continue
            if chunk:
                slot.buffer += chunk
                if parse(slot):
                    finish(slot, status=slot.status)
            elif (slot.header_end >= 0 or parse(slot)) and slot.expected_length is None:
                finish(slot, status=slot.status)  # no Content-Length: the answer ends here
            else:
                finish(slot, status=None, error="read")  # closed early or truncated
        # Requests in flight past the per-request timeout count as timeouts.
        now = time.perf_counter()
        for slot in slots:
            if slot.sock is not None and now - slot.started > timeout_s:
                finish(slot, status=None, error="timeout")
    selector.close()
    result.duration_s = time.perf_counter() - begin
    return result
