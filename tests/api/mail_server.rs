//! A real SMTP server for the tests (aiosmtpd, from PyPI), on a random port of 127.0.0.1, that
//! keeps what it receives in a Maildir; and Python's own `email` parser to read it back, as a
//! mail program would (headers decoded, quoted-printable undone).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::readers;

/// A message as a mail program shows it.
#[derive(Debug, serde::Deserialize)]
pub struct Received {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The running server; stopped when dropped.
pub struct MailServer {
    pub port: u16,
    maildir: PathBuf,
    child: Child,
}

impl MailServer {
    pub fn start() -> Self {
        let python = readers::python();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let maildir = std::env::temp_dir().join(format!("gaptrack-mail-{}", uuid::Uuid::now_v7()));
        let child = Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            port,
            maildir,
            child,
        }
    }

    /// `SMTP_URL` for this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, read by Python's `mailbox` and `email` modules.
    pub fn received(&self) -> Vec<Received> {
        let script = r#"
import json, mailbox, re, sys
from email import policy
from email.parser import BytesParser
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
out = []
# In the order they arrived: a key's Q is the server's delivery count (its microseconds, not
# zero-padded, would sort 999 after 1000).
for key in sorted(box.keys(), key=lambda k: int(re.search(r"Q(\d+)", k).group(1))):
    message = BytesParser(policy=policy.default).parsebytes(box.get_bytes(key))
    out.append({"from": str(message["from"]), "to": str(message["to"]),
                "subject": str(message["subject"]),
                "body": message.get_body(preferencelist=("plain",)).get_content()})
print(json.dumps(out))
"#;
        if !self.maildir.exists() {
            return Vec::new();
        }
        let output = Command::new(readers::python())
            .arg("-c")
            .arg(script)
            .arg(&self.maildir)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "the mailbox cannot be read: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

impl Drop for MailServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.maildir);
    }
}
