//! A PostgreSQL cluster that gaptrack starts and stops itself, so that neither running the service
//! on a laptop nor running the tests needs a database server set up by hand.
//!
//! The cluster listens only on a Unix socket inside its own folder (no TCP port to clash with), trusts
//! local connections, and runs as an unprivileged user: PostgreSQL refuses to run as root, so when
//! gaptrack runs as root the cluster runs as the `postgres` system user.
//!
//! The server process is started from a thread that lives as long as the cluster is needed, and asks
//! the kernel to send it SIGINT (PostgreSQL's "fast shutdown") if that thread dies: a gaptrack that
//! crashes, or a test run that ends, never leaves a server behind.

mod binaries;

use std::fs;
use std::io;
use std::os::unix::fs::{PermissionsExt, chown};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::{Gid, Pid, Uid, User};

pub use binaries::{INSTALL_HINT, find_bindir, find_program};

/// How long PostgreSQL may take to accept connections, or to stop.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a local cluster could not be started.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{INSTALL_HINT}")]
    NoBinaries,
    #[error(
        "PostgreSQL refuses to run as root and there is no `postgres` system user to run it as: \
         create one (`useradd --system postgres`), run gaptrack as an ordinary user, or set DATABASE_URL"
    )]
    NoUnprivilegedUser,
    #[error(
        "the `postgres` user cannot reach {0}: every folder above it must be searchable by others (chmod o+x), or set GAPTRACK_DATA_DIR"
    )]
    Unreachable(PathBuf),
    #[error("{context}: {source}")]
    Io { context: String, source: io::Error },
    #[error("{program} failed ({status}); its output:\n{output}")]
    CommandFailed {
        program: String,
        status: ExitStatus,
        output: String,
    },
    #[error("PostgreSQL did not start; the end of its log ({log}):\n{tail}")]
    StartFailed { log: PathBuf, tail: String },
}

fn io_error(context: impl Into<String>) -> impl FnOnce(io::Error) -> ClusterError {
    let context = context.into();
    move |source| ClusterError::Io { context, source }
}

/// How the cluster is tuned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Survives a power cut: the service's own data.
    Durable,
    /// Skips fsync and friends: for throw-away test clusters, where speed matters and a crash loses
    /// nothing of value.
    Disposable,
}

/// A running PostgreSQL cluster owned by this process. Stop it with [`LocalCluster::stop`]; if the
/// process dies first, the kernel stops it.
pub struct LocalCluster {
    root: PathBuf,
    pid: Pid,
    exited: mpsc::Receiver<io::Result<ExitStatus>>,
    /// Whether another gaptrack (a running server) started it: this one then leaves it running.
    attached: bool,
}

/// The system user PostgreSQL runs as, when it cannot run as the current user.
struct RunAs {
    uid: Uid,
    gid: Gid,
}

impl LocalCluster {
    /// Starts the cluster kept in `root` (its data in `root/pgdata`, its log in `root/postgres.log`),
    /// creating it first when `root` holds none.
    pub fn start(root: &Path, durability: Durability) -> Result<Self, ClusterError> {
        let bindir = find_bindir().ok_or(ClusterError::NoBinaries)?;
        let run_as = unprivileged_user()?;
        fs::create_dir_all(root).map_err(io_error(format!("creating {}", root.display())))?;
        let root = root
            .canonicalize()
            .map_err(io_error(format!("resolving {}", root.display())))?;
        if let Some(user) = &run_as {
            prepare_for(user, &root)?;
        }
        let pgdata = root.join("pgdata");
        if let Some(pid) = running_server(&pgdata) {
            log::info!(
                "using the PostgreSQL already running in {}",
                pgdata.display()
            );
            let (_, exited) = mpsc::channel();
            return Ok(Self {
                root,
                pid,
                exited,
                attached: true,
            });
        }
        if !pgdata.join("PG_VERSION").exists() {
            log::info!("creating a PostgreSQL cluster in {}", pgdata.display());
            init_cluster(&bindir, &root, &pgdata, run_as.as_ref())?;
        }
        let cluster = spawn_server(&bindir, &root, &pgdata, run_as.as_ref(), durability)?;
        cluster.wait_until_ready()?;
        Ok(cluster)
    }

    /// A libpq-style connection string for database `dbname` on this cluster.
    pub fn connection_string(&self, dbname: &str) -> String {
        format!(
            "host='{}' user=postgres dbname='{}'",
            self.root.join("pgdata").display(),
            dbname
        )
    }

    /// Whether another process (a running gaptrack server) had started it, and keeps it.
    pub fn was_running(&self) -> bool {
        self.attached
    }

    /// The folder the cluster lives in.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Asks PostgreSQL for a fast shutdown (clients disconnected, data flushed) and waits for it.
    pub fn stop(self) -> Result<(), ClusterError> {
        if self.attached {
            return Ok(());
        }
        // The server may already be gone (for instance, stopped by the same Ctrl-C as we were).
        let _ = kill(self.pid, Signal::SIGINT);
        match self.exited.recv_timeout(SHUTDOWN_TIMEOUT) {
            Ok(_) | Err(mpsc::RecvTimeoutError::Disconnected) => Ok(()),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = kill(self.pid, Signal::SIGQUIT);
                Err(ClusterError::Io {
                    context: "stopping PostgreSQL".into(),
                    source: io::Error::new(io::ErrorKind::TimedOut, "it did not stop in time"),
                })
            }
        }
    }

    /// Waits until `postmaster.pid` says the server accepts connections, or the server has died.
    fn wait_until_ready(&self) -> Result<(), ClusterError> {
        let pid_file = self.root.join("pgdata").join("postmaster.pid");
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(contents) = fs::read_to_string(&pid_file) {
                // Line 8 of postmaster.pid is the server's status since PostgreSQL 10.
                if contents.lines().nth(7).map(str::trim) == Some("ready") {
                    return Ok(());
                }
            }
            match self.exited.recv_timeout(Duration::from_millis(50)) {
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                _ => return Err(self.start_failed()),
            }
        }
        let _ = kill(self.pid, Signal::SIGQUIT);
        Err(self.start_failed())
    }

    fn start_failed(&self) -> ClusterError {
        let log = self.root.join("postgres.log");
        let text = fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        ClusterError::StartFailed { log, tail }
    }
}

/// The server already running on `pgdata` (started by a gaptrack server, when a command such as
/// `gaptrack backup` runs beside it), if its `postmaster.pid` says it is ready and its process lives.
fn running_server(pgdata: &Path) -> Option<Pid> {
    let contents = fs::read_to_string(pgdata.join("postmaster.pid")).ok()?;
    let mut lines = contents.lines();
    let pid = Pid::from_raw(lines.next()?.trim().parse().ok()?);
    // Line 8 of postmaster.pid is the server's status since PostgreSQL 10.
    let ready = contents.lines().nth(7).map(str::trim) == Some("ready");
    (ready && kill(pid, None).is_ok()).then_some(pid)
}

/// The user to run PostgreSQL as: `None` for the current user, the `postgres` user when we are root.
fn unprivileged_user() -> Result<Option<RunAs>, ClusterError> {
    if !Uid::effective().is_root() {
        return Ok(None);
    }
    let user = User::from_name("postgres")
        .ok()
        .flatten()
        .ok_or(ClusterError::NoUnprivilegedUser)?;
    Ok(Some(RunAs {
        uid: user.uid,
        gid: user.gid,
    }))
}

/// Gives the cluster's folder to the user PostgreSQL runs as, and checks that it can reach it.
fn prepare_for(user: &RunAs, root: &Path) -> Result<(), ClusterError> {
    chown(root, Some(user.uid.as_raw()), Some(user.gid.as_raw())).map_err(io_error(format!(
        "giving {} to the postgres user",
        root.display()
    )))?;
    fs::set_permissions(root, fs::Permissions::from_mode(0o700))
        .map_err(io_error(format!("restricting {}", root.display())))?;
    for ancestor in root.ancestors().skip(1) {
        let mode = fs::metadata(ancestor)
            .map_err(io_error(format!("reading {}", ancestor.display())))?
            .permissions()
            .mode();
        if mode & 0o001 == 0 {
            return Err(ClusterError::Unreachable(root.to_path_buf()));
        }
    }
    Ok(())
}

fn as_user(command: &mut Command, run_as: Option<&RunAs>) {
    if let Some(user) = run_as {
        command.uid(user.uid.as_raw()).gid(user.gid.as_raw());
    }
}

fn init_cluster(
    bindir: &Path,
    root: &Path,
    pgdata: &Path,
    run_as: Option<&RunAs>,
) -> Result<(), ClusterError> {
    let mut command = Command::new(bindir.join("initdb"));
    command
        .arg("--pgdata")
        .arg(pgdata)
        .args([
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        ])
        .current_dir(root)
        .stdin(Stdio::null());
    as_user(&mut command, run_as);
    let output = command.output().map_err(io_error("running initdb"))?;
    if !output.status.success() {
        let _ = fs::remove_dir_all(pgdata);
        return Err(ClusterError::CommandFailed {
            program: "initdb".into(),
            status: output.status,
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        });
    }
    Ok(())
}

fn spawn_server(
    bindir: &Path,
    root: &Path,
    pgdata: &Path,
    run_as: Option<&RunAs>,
    durability: Durability,
) -> Result<LocalCluster, ClusterError> {
    let log_path = root.join("postgres.log");
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)
        .map_err(io_error(format!("opening {}", log_path.display())))?;
    let log_err = log.try_clone().map_err(io_error("duplicating the log"))?;

    let mut command = Command::new(bindir.join("postgres"));
    command
        .arg("-D")
        .arg(pgdata)
        .arg("-k")
        .arg(pgdata)
        .args(["-c", "listen_addresses="])
        .current_dir(root)
        // A process group of its own: a Ctrl-C in the terminal stops gaptrack, which then stops
        // the server once the last request is answered, rather than both at once.
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err);
    if durability == Durability::Disposable {
        command.args([
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ]);
    }
    as_user(&mut command, run_as);
    // SAFETY: prctl is async-signal-safe; it runs in the child between fork and exec, after the
    // uid change (which would otherwise clear the setting).
    unsafe {
        command
            .pre_exec(|| nix::sys::prctl::set_pdeathsig(Signal::SIGINT).map_err(io::Error::from));
    }

    // The parent-death signal fires when the *thread* that forked the server exits, so the server is
    // forked from a thread that lives exactly as long as the server does.
    let (started_tx, started_rx) = mpsc::channel();
    let (exited_tx, exited_rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("postgres-keeper".into())
        .spawn(move || match command.spawn() {
            Ok(mut child) => {
                let _ = started_tx.send(Ok(child.id()));
                let _ = exited_tx.send(child.wait());
            }
            Err(error) => {
                let _ = started_tx.send(Err(error));
            }
        })
        .map_err(io_error("starting the postgres keeper thread"))?;
    let pid = started_rx
        .recv()
        .map_err(|_| io::Error::other("the postgres keeper thread died"))
        .and_then(|spawned| spawned)
        .map_err(io_error("starting postgres"))?;
    Ok(LocalCluster {
        root: root.to_path_buf(),
        pid: Pid::from_raw(pid as i32),
        exited: exited_rx,
        attached: false,
    })
}
