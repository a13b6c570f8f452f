#!/usr/bin/python3
"""An RTSP server on 127.0.0.1 for EdgePose's live-source tests and latency measurements (GStreamer's
gst-rtsp-server through python3-gi; Debian: gir1.2-gst-rtsp-server-1.0 python3-gi python3-numpy
gstreamer1.0-plugins-ugly for x264enc). Run it with Debian's /usr/bin/python3.

Usage:
  /usr/bin/python3 scripts/rtsp-test-server.py [--port P] [--host H] [--video FILE] [--resize-period S] [--exit-with-stdin]
  /usr/bin/python3 scripts/rtsp-test-server.py --check

  --port P           TCP port to listen on; 0 (default) picks a free one.
  --host H           address to listen on (default 127.0.0.1).
  --video FILE       the file /vtest loops (default Debian opencv-doc's vtest.avi; when that default is missing
                     the server runs without /vtest and says so on stderr; a FILE given that is missing is an error).
  --resize-period S  seconds between the size changes of /resize (default 2).
  --exit-with-stdin  also stop when stdin reaches end of file (a test fixture that dies takes the server along).
  --check            print "ok" and exit 0 when everything the server needs is installed, else print
                     "missing: <what> (<Debian package>)" and exit 3.

Once listening it prints exactly one line on stdout, "ready rtsp://HOST:PORT", and flushes it. SIGTERM or SIGINT
stops it cleanly (exit 0). Bad arguments: "error: ..." on stderr, exit 2.

Mounts (all live H.264, x264enc tune=zerolatency speed-preset=ultrafast, a keyframe every second with SPS/PPS, so a
client that (re)connects gets a picture within about a second):
  /vtest   FILE decoded in real time and looped (vtest.avi: 768x576 at 10 fps), shared between clients like a camera.
  /clock   640x480 at 30 fps, shared: a moving grey bar on dark grey, and in the top rows the wall-clock time at which
           the frame was generated, in the pixel-clock layout below.
  /resize  30 fps, one pipeline per client: 640x480, then every --resize-period seconds the other of 320x240 and
           640x480 (frame size changing mid-stream); carries the pixel clock too.

Pixel-clock layout (the same as EdgePose.Core's Sources/PixelClock, which decodes it):
  - a grid of 32 columns x 2 rows of square cells at the top-left corner of the frame; cell side = frame width / 32
    pixels (integer division: 20 px at 640 wide, 10 px at 320), so the band is 2 cells high;
  - cells numbered row by row (0-31 the top row, 32-63 the second); a cell is white (luma 235) for bit 1, black
    (luma 16) for bit 0;
  - cells 0-7: the start marker 1,0,1,0,1,1,0,0;
  - cells 8-55: the time as UTC Unix milliseconds, 48 bits, most significant first;
  - cells 56-63: CRC-8 (polynomial 0x07, initial value 0, no reflection, no final XOR) of the 6 big-endian bytes
    of the time, most significant bit first.
  A reader averages the central half of each cell (from side/4 to 3*side/4 in both directions).
"""

import argparse
import os
import signal
import sys
import threading
import time

PACKAGES = {
    "gi": "python3-gi",
    "Gst": "gir1.2-gstreamer-1.0",
    "GstRtspServer": "gir1.2-gst-rtsp-server-1.0",
    "numpy": "python3-numpy",
    "x264enc": "gstreamer1.0-plugins-ugly",
    "rtph264pay": "gstreamer1.0-plugins-good",
    "appsrc": "gstreamer1.0-plugins-base",
    "videoconvert": "gstreamer1.0-plugins-base",
    "decodebin": "gstreamer1.0-plugins-base",
}

DEFAULT_VIDEO = "/usr/share/doc/opencv-doc/examples/data/vtest.avi"

# ---- pixel clock ---------------------------------------------------------------------------------
COLUMNS = 32
ROWS = 2
MARKER = (1, 0, 1, 0, 1, 1, 0, 0)
TIME_BITS = 48
BLACK = 16
WHITE = 235


def crc8(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def clock_bits(unix_ms):
    """The 64 cell values (0/1) for unix_ms, in cell order."""
    data = unix_ms.to_bytes(6, "big")
    check = crc8(data)
    bits = list(MARKER)
    bits += [(unix_ms >> (TIME_BITS - 1 - i)) & 1 for i in range(TIME_BITS)]
    bits += [(check >> (7 - i)) & 1 for i in range(8)]
    return bits


def paint_clock(np, luma, unix_ms):
    """Paints the pixel clock into a 2-D uint8 luma plane (height x width)."""
    side = luma.shape[1] // COLUMNS
    bits = np.array(clock_bits(unix_ms), dtype=np.uint8).reshape(ROWS, COLUMNS)
    cells = np.where(bits == 1, WHITE, BLACK).astype(np.uint8)
    luma[: ROWS * side, : COLUMNS * side] = np.kron(cells, np.ones((side, side), dtype=np.uint8))


# ---- frame producers -----------------------------------------------------------------------------
class ClockFrames:
    """I420 frames with the pixel clock and a moving bar; the size may follow a schedule."""

    def __init__(self, np, sizes, period_s):
        self.np = np
        self.sizes = sizes
        self.period_s = period_s
        self.started = time.monotonic()
        self.frame = 0

    def size(self):
        if len(self.sizes) == 1 or self.period_s <= 0:
            return self.sizes[0]
        step = int((time.monotonic() - self.started) / self.period_s)
        return self.sizes[step % len(self.sizes)]

    def make(self, width, height):
        np = self.np
        y = np.full((height, width), 60, dtype=np.uint8)
        bar = max(width // 16, 2)
        x = (self.frame * 4) % max(width - bar, 1)
        y[ROWS * (width // COLUMNS) + 4 :, x : x + bar] = 170
        self.frame += 1
        paint_clock(np, y, time.time_ns() // 1_000_000)
        chroma = np.full((height // 2) * (width // 2) * 2, 128, dtype=np.uint8)
        return y.tobytes() + chroma.tobytes()


class LoopedFile:
    """Decodes a video file in real time, over and over; keeps the newest frame (I420) for the mounts to send."""

    def __init__(self, Gst, path):
        self.Gst = Gst
        self.lock = threading.Lock()
        self.latest = None
        self.width = self.height = 0
        self.fps = (10, 1)
        self.pipeline = Gst.parse_launch(
            "filesrc name=file ! decodebin ! videoconvert ! video/x-raw,format=I420 ! "
            "appsink name=frames sync=true max-buffers=1 drop=true emit-signals=true"
        )
        self.pipeline.get_by_name("file").set_property("location", path)
        self.pipeline.get_by_name("frames").connect("new-sample", self._on_sample)
        bus = self.pipeline.get_bus()
        bus.add_signal_watch()
        bus.connect("message::eos", self._on_eos)
        bus.connect("message::error", self._on_error)

    def start(self, timeout_s=10.0):
        """Starts decoding and waits for the first frame; returns an error text or None."""
        self.pipeline.set_state(self.Gst.State.PLAYING)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self.lock:
                if self.latest is not None:
                    return None
            msg = self.pipeline.get_bus().timed_pop_filtered(50 * self.Gst.MSECOND, self.Gst.MessageType.ERROR)
            if msg is not None:
                return msg.parse_error()[0].message
        return "no frame within %g s" % timeout_s

    def stop(self):
        self.pipeline.set_state(self.Gst.State.NULL)

    def newest(self):
        with self.lock:
            return self.latest

    def _on_sample(self, sink):
        sample = sink.emit("pull-sample")
        if sample is None:
            return self.Gst.FlowReturn.OK
        caps = sample.get_caps().get_structure(0)
        buf = sample.get_buffer()
        ok, info = buf.map(self.Gst.MapFlags.READ)
        if ok:
            data = bytes(info.data)
            buf.unmap(info)
            with self.lock:
                self.width = caps.get_value("width")
                self.height = caps.get_value("height")
                ok_rate, num, den = caps.get_fraction("framerate")
                if ok_rate and num > 0:
                    self.fps = (num, den)
                self.latest = data
        return self.Gst.FlowReturn.OK

    def _on_eos(self, _bus, _msg):
        self.pipeline.seek_simple(self.Gst.Format.TIME, self.Gst.SeekFlags.FLUSH | self.Gst.SeekFlags.KEY_UNIT, 0)

    def _on_error(self, _bus, msg):
        err, _debug = msg.parse_error()
        print("warning: /vtest source: %s" % err.message, file=sys.stderr, flush=True)


# ---- RTSP plumbing -------------------------------------------------------------------------------
def encoder(keyframe_frames):
    return (
        "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d bitrate=2000 ! "
        "video/x-h264,profile=constrained-baseline ! rtph264pay name=pay0 pt=96 config-interval=-1" % keyframe_frames
    )


class PacedFeeder:
    """Feeds one media's appsrc at a fixed rate from a frame function, sleeping in need-data (appsrc's own thread)."""

    def __init__(self, Gst, appsrc, fps, frame):
        self.Gst = Gst
        self.appsrc = appsrc
        self.interval = 1.0 / fps
        self.frame = frame  # () -> (width, height, bytes) or None
        self.next = None
        self.caps_size = None
        self.fps = fps
        appsrc.connect("need-data", self._need_data)

    def _need_data(self, appsrc, _length):
        now = time.monotonic()
        if self.next is None or now - self.next > self.interval:
            self.next = now
        elif self.next > now:
            time.sleep(self.next - now)
        self.next += self.interval
        made = self.frame()
        if made is None:
            return
        width, height, data = made
        if self.caps_size != (width, height):
            caps = self.Gst.Caps.from_string(
                "video/x-raw,format=I420,width=%d,height=%d,framerate=%d/1" % (width, height, self.fps)
            )
            appsrc.set_property("caps", caps)
            self.caps_size = (width, height)
        appsrc.emit("push-buffer", self.Gst.Buffer.new_wrapped(data))


def appsrc_factory(GstRtspServer, fps, shared):
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        "( appsrc name=src is-live=true format=time do-timestamp=true block=false ! %s )" % encoder(fps)
    )
    factory.set_shared(shared)
    return factory


def main():
    parser = argparse.ArgumentParser(description="RTSP test server for EdgePose (see the module docstring).")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--video")
    parser.add_argument("--resize-period", type=float, default=2.0)
    parser.add_argument("--exit-with-stdin", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    if args.check:
        missing = check()
        print("ok" if missing is None else "missing: " + missing, flush=True)
        return 0 if missing is None else 3

    if not 0 <= args.port <= 65535:
        return fail("--port must be 0-65535, not %d" % args.port)
    if args.resize_period <= 0:
        return fail("--resize-period must be positive")
    if args.video is not None and not os.path.isfile(args.video):
        return fail("video file not found: %s" % args.video)
    video_path = args.video or DEFAULT_VIDEO
    if not os.path.isfile(video_path):
        print("warning: %s not found (Debian package opencv-doc): no /vtest" % video_path, file=sys.stderr, flush=True)
        video_path = None
    missing = check()
    if missing is not None:
        return fail("missing " + missing)

    import numpy as np
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtspServer

    Gst.init(None)
    loop = GLib.MainLoop()
    stopping = []

    def stop(*_):
        if not stopping:
            stopping.append(True)
            loop.quit()
        return GLib.SOURCE_REMOVE

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, stop)
    if args.exit_with_stdin:
        GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                          GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR, on_stdin(GLib, stop))

    video = None
    if video_path is not None:
        video = LoopedFile(Gst, video_path)
        problem = video.start()
        if problem is not None:
            video.stop()
            return fail("cannot decode %s: %s" % (video_path, problem))

    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()

    if video is not None:
        num, den = video.fps
        add_mount(Gst, GstRtspServer, mounts, "/vtest", max(1, round(num / den)), True, lambda: vtest_frames(video))
    add_mount(Gst, GstRtspServer, mounts, "/clock", 30, True, lambda: clock_frame(ClockFrames(np, [(640, 480)], 0)))
    add_mount(Gst, GstRtspServer, mounts, "/resize", 30, False,
              lambda: clock_frame(ClockFrames(np, [(640, 480), (320, 240)], args.resize_period)))

    if server.attach(None) == 0:
        if video is not None:
            video.stop()
        return fail("cannot listen on %s:%d (port in use?)" % (args.host, args.port), 1)

    print("ready rtsp://%s:%d" % (args.host, server.get_bound_port()), flush=True)
    try:
        loop.run()
    finally:
        if video is not None:
            video.stop()
    return 0


def vtest_frames(video):
    def make():
        data = video.newest()
        return None if data is None else (video.width, video.height, data)

    return make


def clock_frame(frames):
    def make():
        width, height = frames.size()
        return width, height, frames.make(width, height)

    return make


def add_mount(Gst, GstRtspServer, mounts, path, fps, shared, new_frame_function):
    """Mounts an appsrc factory at path; each new media gets a fresh frame function (its own schedule)."""
    factory = appsrc_factory(GstRtspServer, fps, shared)

    def configure(_factory, media):
        # The feeder lives as long as the media's appsrc holds its need-data handler.
        PacedFeeder(Gst, media.get_element().get_by_name_recurse_up("src"), fps, new_frame_function())

    factory.connect("media-configure", configure)
    mounts.add_factory(path, factory)


def on_stdin(GLib, stop):
    """A watch on stdin that stops the server at end of file (or when the pipe breaks)."""

    def handler(channel, condition):
        if condition & (GLib.IOCondition.HUP | GLib.IOCondition.ERR) or not os.read(channel.unix_get_fd(), 4096):
            stop()
            return False
        return True

    return handler


def check():
    """None when everything needed is installed, else 'what (Debian package)'."""
    try:
        import gi
    except ImportError:
        return "python module gi (%s; run with /usr/bin/python3)" % PACKAGES["gi"]
    for name in ("Gst", "GstRtspServer"):
        try:
            gi.require_version(name, "1.0")
        except ValueError:
            return "GObject introspection for %s (%s)" % (name, PACKAGES[name])
    try:
        import numpy  # noqa: F401
    except ImportError:
        return "python module numpy (%s)" % PACKAGES["numpy"]
    from gi.repository import Gst, GstRtspServer  # noqa: F401

    Gst.init(None)
    for element in ("appsrc", "x264enc", "rtph264pay", "videoconvert", "decodebin"):
        if Gst.ElementFactory.find(element) is None:
            return "GStreamer element %s (%s)" % (element, PACKAGES[element])
    return None


def fail(message, code=2):
    print("error: " + message, file=sys.stderr, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
