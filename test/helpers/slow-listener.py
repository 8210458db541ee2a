# A slow listener on a raw socket: small receive buffer, a real MSS, reads a few KB slowly, then drops the connection.
# Node's net module cannot set SO_RCVBUF on a TCP socket, hence Python. Usage:
#   python3 slow-listener.py HOST PORT DROP_AFTER_BYTES  (the HTTP request on stdin; prints body bytes received)
import socket
import struct
import sys
import time

host, port, drop_after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
request = sys.stdin.buffer.read()

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# Set before connect, so the window the client advertises is small from the handshake on (as on a
# slow phone link): the kernel then accepts little beyond what the client has read.
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024)
# A realistic Ethernet MSS instead of loopback's 65 483 bytes.
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 1448)
sock.connect((host, port))
sock.sendall(request)

received = b""
while b"\r\n\r\n" not in received:
    chunk = sock.recv(1024)
    if not chunk:
        break
    received += chunk
head, _, body = received.partition(b"\r\n\r\n")
got = len(body)
while got < drop_after:
    chunk = sock.recv(min(1024, drop_after - got))
    if not chunk:
        break
    got += len(chunk)
    time.sleep(0.02)  # about 50 KB/s: a listener on a poor connection

# The connection drops: a reset, as when a phone loses its signal, not an orderly close.
sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
sock.close()
print(head.split(b"\r\n", 1)[0].decode("latin-1"))
print(got)
