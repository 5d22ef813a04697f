# Counts the datapoints carbon-cache stored for one benchmark step: every non-empty point of every whisper file
# under WHISPER_DIR/benchg-*/TAG/. Run with Debian's /usr/bin/python3 (python3-whisper). Prints one number.
import glob, os, sys, time
import whisper

root, tag = sys.argv[1], sys.argv[2]
total = 0
now = int(time.time())
for path in glob.glob(os.path.join(root, "benchg-*", tag, "*.wsp")):
    try:
        (_, _, _), values = whisper.fetch(path, now - 3 * 3600 + 60, now)
        total += sum(1 for v in values if v is not None)
    except Exception:
        pass
print(total)
