#!/usr/bin/env bash
# A look at a replydraft draft in a real Thunderbird (issue 16: format=flowed): renders a draft
# with a long quoted original, puts it in the Drafts folder of a throwaway Thunderbird profile,
# opens it in the reader and in the composer on a virtual display, and saves two screenshots
# for a person to look at. Expected: paragraphs fill the window in the reader; in the composer
# every quoted line keeps its ">" and no line runs past the wrap width. It needs a desktop-less
# Debian/Ubuntu (it apt-installs thunderbird, xvfb, xdotool and imagemagick) and is not run in CI.
# Usage: tests/manual/thunderbird-flowed.sh [OUTDIR]   (run from the project root)
set -euo pipefail
out=${1:-/tmp/replydraft-thunderbird}
work=$(mktemp -d)
profile=$work/profile
mkdir -p "$out" "$profile/Mail/Local Folders"
if ! command -v thunderbird >/dev/null || ! command -v xdotool >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        thunderbird xvfb xdotool imagemagick xauth fonts-dejavu-core >/dev/null
fi

# The draft, made by the same pipeline as the daemon's, from a message with long paragraphs.
PYTHONPATH=src:tests python3 -m support.sample_draft "$profile/Mail/Local Folders/Drafts"

# A profile with one identity on Local Folders, plain-text compose, no first-run wizard.
cat > "$profile/user.js" <<JS
user_pref("mail.provider.enabled", false);
user_pref("mailnews.start_page.enabled", false);
user_pref("mail.shell.checkDefaultClient", false);
user_pref("app.update.enabled", false);
user_pref("mail.rights.override", true);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.accountmanager.localfoldersserver", "server1");
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.server.server1.type", "none");
user_pref("mail.server.server1.hostname", "Local Folders");
user_pref("mail.server.server1.userName", "nobody");
user_pref("mail.server.server1.directory", "$profile/Mail/Local Folders");
user_pref("mail.identity.id1.useremail", "support@acme.test");
user_pref("mail.identity.id1.fullName", "Dana Reyes");
user_pref("mail.identity.id1.compose_html", false);
user_pref("mail.identity.id1.valid", true);
user_pref("mail.identity.id1.draft_folder", "mailbox://nobody@Local%20Folders/Drafts");
JS

export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1100x900x24 >/dev/null 2>&1 &
xvfb=$!
thunderbird -profile "$profile" -no-remote >/dev/null 2>&1 &
bird=$!
trap 'kill $bird $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 25
# The folder pane at the default window size: expand Local Folders, open Drafts, pick the draft.
xdotool mousemove 60 113 click 1; sleep 2
xdotool mousemove 130 141 click 1; sleep 3
xdotool mousemove 400 115 click 1; sleep 3
import -window root "$out/reader.png"
xdotool mousemove 400 115 click --repeat 2 --delay 80 1; sleep 8      # opens it in the composer
import -window root "$out/composer.png"
echo "Screenshots: $out/reader.png (the reader) and $out/composer.png (the composer)"
