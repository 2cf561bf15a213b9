#include "archive/writer.h"

#include "common/time.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <thread>

#include "archive/encrypted_archive.h"
#include "archive/path_rules.h"
#include "archive/plugin_manifest.h"
#include "archive/reader.h"
#include "archive/scanner.h"
#include "common/parse_limits.h"
#include "crypto/parallel.h"

namespace bjlg::archive {

const std::vector<std::string> kDefaultStoreExtensions = {
    "jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "mp4", "m4v", "mov", "webm", "mkv",
    "avi", "mp3", "m4a", "ogg", "oga", "opus", "flac", "zip", "gz", "tgz", "bz2", "xz", "zst",
    "7z", "rar", "woff", "woff2", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "jar", "apk",
    "enc"};

namespace {

constexpr uint64_t kZip64Margin = 0xF0000000u;  // entries this large reserve a Zip64 field
constexpr size_t kDictSize = 32 * 1024;
constexpr size_t kProbeSize = 128 * 1024;
constexpr size_t kMaxPiecesPerJob = 512;
constexpr size_t kRecycleSize = 64 * 1024;
constexpr uint64_t kAbandonedEntry = UINT64_MAX;  // the hasher's id for an entry given up

double Now() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

// Adds the time from its creation to its end to one of the Summary's stages.
class StageClock {
 public:
  explicit StageClock(double* stage) : stage_(stage), started_(Now()) {}
  ~StageClock() { *stage_ += Now() - started_; }
  StageClock(const StageClock&) = delete;
  StageClock& operator=(const StageClock&) = delete;

 private:
  double* stage_;
  double started_;
};

int64_t NowNs() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

int64_t MtimeNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

uint32_t Crc32(uint32_t crc, const unsigned char* data, size_t size) {
  return libdeflate_crc32(crc, data, size);
}

// Fills `buf` up to `size` bytes unless the source ends first.
Result<size_t> ReadFull(const std::function<Result<size_t>(unsigned char*, size_t)>& read,
                        unsigned char* buf, size_t size) {
  size_t got = 0;
  while (got < size) {
    Result<size_t> n = read(buf + got, size - got);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    got += *n;
  }
  return got;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  return ReadSmallFile(path, kMaxIndexBytes, "\"since\" file");
}

// The first bytes of a file: enough to tell a zip, an encrypted file and JSON apart without
// reading a whole previous archive into memory.
Result<std::string> ReadHead(const std::string& path) {
  Result<int> fd = OpenRegularFile(path, "\"since\" file");
  if (!fd.ok()) return fd.status();
  std::string head(8, '\0');
  ssize_t n;
  do {
    n = ::read(*fd, head.data(), head.size());
  } while (n < 0 && errno == EINTR);
  const int err = errno;
  ::close(*fd);
  if (n < 0) return Status::FromErrno(err, "cannot read \"since\" file " + path);
  head.resize(static_cast<size_t>(n));
  return head;
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::Create(const std::string& path, WriterOptions options) {
  if (options.level < 0 || options.level > 9) {
    return Status::InvalidOption("level", "must be between 0 and 9");
  }
  if (Status s = CheckThreadCount(options.threads); !s.ok()) return s;
  if (options.chunk_size < 64 * 1024 || options.chunk_size > (256u << 20)) {
    return Status::InvalidOption("chunk_size", "must be between 65536 and 268435456 (64 KiB and 256 MiB)");
  }
  if (Status interval = CheckProgressInterval(options.progress_interval); !interval.ok()) return interval;
  if (options.threads == 0) {
    options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (options.encrypt) {
    Status s = crypto::CheckEncryptOptions(*options.encrypt, options.encryption);
    if (!s.ok()) return s.Annotate("encryption: ");
    options.encryption.threads = static_cast<unsigned>(options.threads);
  }
  for (std::string& e : options.store_extensions) {
    std::transform(e.begin(), e.end(), e.begin(), ::tolower);
    if (!e.empty() && e[0] == '.') e.erase(0, 1);
  }
  std::unique_ptr<Writer> w(new Writer());
  w->options_ = std::move(options);
  w->started_ = Now();
  w->created_at_ = NowUtcIso8601();
  w->filter_ = Filter(w->options_.exclude, w->options_.include, w->options_.default_excludes);

  if (!w->options_.since.empty()) {
    std::string json;
    Result<std::string> head = ReadHead(w->options_.since);
    if (!head.ok()) return head.status();
    if (crypto::DetectFormat(reinterpret_cast<const uint8_t*>(head->data()), head->size())) {
      // Its index could only be read by decrypting the whole archive to disk first.
      return Status::InvalidOption("since",
          ": " + w->options_.since +
          " is an encrypted archive; pass the backup-index.json of that backup (kept beside it, "
          "or extracted from the decrypted archive) or the decrypted archive");
    }
    if (head->size() >= 4 && head->compare(0, 2, "PK") == 0) {
      auto reader = Reader::Open(w->options_.since);
      if (!reader.ok()) return reader.status();
      auto index = (*reader)->ReadAll(kIndexName, 1ull << 31);
      if (!index.ok()) {
        return Status::Corruption("previous archive " + w->options_.since + ": " +
                                  index.status().message());
      }
      json = std::move(*index);
    } else {
      Result<std::string> raw = ReadWholeFile(w->options_.since);
      if (!raw.ok()) return raw.status();
      json = std::move(*raw);
    }
    if (LooksLikePluginManifest(json)) {
      // The plugin's chain: its MD5s stand in for our SHA-256s until the first bjlg index.
      auto plugin = ParsePluginManifest(json);
      if (!plugin.ok()) return plugin.status();
      w->plugin_last_scan_ = plugin->last_scan;
      w->plugin_chain_ = true;
      for (auto& [path, md5] : plugin->file_hashes) {
        IndexEntry e;
        e.path = path;
        w->plugin_md5_[path] = std::move(md5);
        w->previous_[path] = std::move(e);
      }
    } else {
      auto parsed = ParseIndex(json);
      if (!parsed.ok()) return parsed.status();
      w->previous_ = std::move(*parsed);
    }
    w->incremental_ = true;
  }
  w->summary_.type = w->incremental_ ? "incremental" : "full";

  // Validate the caller's manifest now, so a mistake fails before any work.
  auto manifest = w->ManifestNow(UINT64_MAX, std::string(64, 'f'));
  if (!manifest.ok()) return manifest.status();

  auto out = OutputFile::Create(path, w->options_.encrypt ? OutputFile::Placement::kPrivateDir
                                                          : OutputFile::Placement::kBesideTarget);
  if (!out.ok()) return out.status();
  w->out_ = std::move(*out);
  w->zip_ = std::make_unique<ZipContainer>(w->out_.get());
  w->pool_ = std::make_unique<DeflatePool>(w->options_.threads);
  w->hasher_ = std::make_unique<EntryHasher>(w->options_.threads >= 2 ? EntryHasher::Mode::kOwnThread
                                                                      : EntryHasher::Mode::kInline);
  w->max_inflight_ = static_cast<size_t>(w->options_.threads) * 2;
  w->summary_.path = path;

  // The manifest goes first with room for its final form; Close() rewrites it in place.
  w->manifest_size_ = manifest->size() + 256;
  std::string reserved = *manifest;
  reserved.resize(w->manifest_size_, ' ');
  ZipEntryRecord rec;
  rec.name = kManifestName;
  rec.method = kMethodStore;
  rec.size = rec.compressed_size = reserved.size();
  rec.crc = Crc32(0, reinterpret_cast<const unsigned char*>(reserved.data()), reserved.size());
  rec.mtime = NowNs() / 1000000000;
  rec.mode = 0644;
  Status s = w->zip_->BeginEntry(rec, true, false);
  if (s.ok()) s = w->zip_->WriteData(reserved.data(), reserved.size());
  if (s.ok()) s = w->zip_->EndEntry(rec.crc, rec.size, rec.compressed_size);
  if (!s.ok()) return s;
  w->names_.insert(kManifestName);
  return w;
}

Writer::~Writer() { Abort(); }

void Writer::Abort() {
  pool_.reset();  // joins the workers before their jobs go away
  inflight_.clear();
  job_.reset();
  if (out_) out_->Discard();
  if (!closed_) {
    closed_ = true;
    if (poison_.ok()) poison_ = Status::Cancelled("the archive was abandoned");
  }
}

Status Writer::Usable() const {
  if (!poison_.ok()) return poison_;
  if (closed_) return Status::InvalidArgument("the archive is already closed");
  return Status::OK();
}

Status Writer::Poison(Status s) {
  poison_ = s;
  Abort();
  return s;
}

Status Writer::ClaimName(const std::string& name) {
  Status s = CheckEntryName(name);
  if (!s.ok()) return s;
  if (name == kManifestName || name == kIndexName || (incremental_ && name == kDeletedName)) {
    return Status::InvalidArgument("entry name \"" + name + "\" is reserved by bjlg");
  }
  if (!names_.insert(name).second) {
    return Status::InvalidArgument("entry name \"" + name + "\" is already in the archive");
  }
  return Status::OK();
}

bool Writer::StoreByExtension(const std::string& name) const {
  const size_t dot = name.rfind('.');
  const size_t slash = name.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return std::find(options_.store_extensions.begin(), options_.store_extensions.end(), ext) !=
         options_.store_extensions.end();
}

std::vector<unsigned char> Writer::TakeBuffer(size_t size, size_t capacity_hint) {
  // Large buffers are recycled: fresh ones would be new mappings whose pages fault in again on
  // every chunk (measured: about a third of the CPU time on incompressible media).
  const size_t want = std::max(size, capacity_hint);
  std::vector<unsigned char> b;
  if (want >= kRecycleSize && !spare_.empty()) {
    b = std::move(spare_.back());
    spare_.pop_back();
    b.clear();
  }
  if (want >= kRecycleSize) b.reserve(want);
  b.resize(size);
  return b;
}

void Writer::GiveBack(std::vector<unsigned char>&& buffer) {
  if (buffer.capacity() < kRecycleSize || buffer.capacity() > options_.chunk_size * 2 ||
      spare_.size() >= max_inflight_ + 2) {
    return;
  }
  spare_.push_back(std::move(buffer));
}

Writer::Pending& Writer::PendingById(uint32_t id) {
  return pending_[id - pending_.front().id];
}

Status Writer::AddEntry(Pending meta, const ReadFn& read, bool size_known, uint64_t expected,
                        const std::function<std::string()>& after, Status* entry_status) {
  *entry_status = Status::OK();
  const size_t chunk = options_.chunk_size;
  const int level = meta.level == kArchiveLevel ? options_.level : meta.level;
  const bool store = level == 0 || StoreByExtension(meta.name);

  std::vector<unsigned char> cur =
      TakeBuffer(size_known && expected <= chunk ? expected + 1 : chunk);  // +1: notice growth
  Result<size_t> n = [&] {
    StageClock clock(&summary_.stages.read);
    return ReadFull(read, cur.data(), cur.size());
  }();
  if (!n.ok()) {
    *entry_status = n.status();
    return Status::OK();
  }
  cur.resize(*n);
  uint32_t crc = 0;
  if (hash_open_) {  // the previous entry was abandoned after some of its bytes were hashed
    hasher_->EndEntry(kAbandonedEntry);
    hash_open_ = false;
  }
  bool first = true;
  PieceMode mode = PieceMode::kStore;
  std::vector<unsigned char> dict;
  Pending* entry = nullptr;
  while (true) {
    std::vector<unsigned char> next;
    bool last;
    if (size_known && expected <= chunk) {
      last = true;
    } else if (cur.size() < chunk) {
      last = true;
    } else {
      next = TakeBuffer(chunk);
      Result<size_t> m = [&] {
        StageClock clock(&summary_.stages.read);
        return ReadFull(read, next.data(), next.size());
      }();
      if (!m.ok()) {
        // Abandon: the entry is dropped when its last (empty) piece is written.
        if (entry == nullptr) {
          *entry_status = m.status();
          return Status::OK();
        }
        entry->failed = true;
        entry->failure = m.status().message();
        Piece p;
        p.entry = entry->id;
        p.last = true;
        p.mode = mode;
        p.level = level;
        return QueuePiece(std::move(p));
      }
      next.resize(*m);
      last = next.empty();
    }
    {
      StageClock clock(&summary_.stages.hash);
      crc = Crc32(crc, cur.data(), cur.size());
      HashBytes(cur.data(), cur.size());
    }
    meta.size += cur.size();
    if (first) {
      if (store) {
        mode = PieceMode::kStore;
      } else if (last) {
        mode = PieceMode::kWhole;
      } else {
        mode = LooksCompressible(cur.data(), std::min(cur.size(), kProbeSize)) ? PieceMode::kChunk
                                                                               : PieceMode::kStore;
      }
      meta.zip64 = !last && (!size_known || expected >= kZip64Margin);
    }
    std::string failure;
    if (last) {
      if (after) failure = after();
      if (size_known && expected <= chunk && meta.size != expected && failure.empty()) {
        failure = "changed while reading";
      }
      if (!failure.empty() && first) {
        *entry_status = Status::Cancelled(failure);  // nothing queued yet: just skip it
        return Status::OK();
      }
    }
    if (first) {
      meta.id = next_id_++;
      pending_.push_back(std::move(meta));
      entry = &pending_.back();
    }
    if (last) {
      hasher_->EndEntry(entry->id);
      hash_open_ = false;
    }
    if (!first) entry->size = meta.size;  // meta moved into the entry at its first piece
    if (last) {
      entry->crc = crc;
      if (!failure.empty()) {
        entry->failed = true;
        entry->failure = failure;
      }
    }
    Piece p;
    p.entry = entry->id;
    p.first = first;
    p.last = last;
    p.mode = mode;
    p.level = level;
    if (mode == PieceMode::kChunk && !first) p.dict = dict;
    if (mode == PieceMode::kChunk && !last) {
      const size_t keep = std::min(cur.size(), kDictSize);
      dict.assign(cur.end() - keep, cur.end());
    }
    if (mode != PieceMode::kStore) p.out = TakeBuffer(0, cur.size() + cur.size() / 256 + 4096);
    p.data = std::move(cur);
    Status s = QueuePiece(std::move(p));
    if (!s.ok()) return s;
    if (last) return Status::OK();
    first = false;
    cur = std::move(next);
  }
}

Status Writer::QueuePiece(Piece piece) {
  if (!job_) job_ = std::make_shared<Job>();
  const bool big = piece.mode == PieceMode::kChunk;
  job_->bytes += piece.data.size();
  job_->pieces.push_back(std::move(piece));
  if (big || job_->bytes >= options_.chunk_size || job_->pieces.size() >= kMaxPiecesPerJob) {
    return SubmitJob();
  }
  return Status::OK();
}

Status Writer::SubmitJob() {
  if (!job_) return Status::OK();
  while (inflight_.size() >= max_inflight_) {
    Status s = DrainOne();
    if (!s.ok()) return s;
  }
  pool_->Submit(job_);
  inflight_.push_back(std::move(job_));
  job_.reset();
  return Status::OK();
}

Status Writer::DrainOne() {
  std::shared_ptr<Job> job = std::move(inflight_.front());
  inflight_.pop_front();
  {
    StageClock clock(&summary_.stages.wait);
    pool_->Wait(*job);
  }
  {
    StageClock clock(&summary_.stages.write);
    for (Piece& p : job->pieces) {
      Status s = WritePiece(p);
      if (!s.ok()) return s;
      GiveBack(std::move(p.data));
      GiveBack(std::move(p.out));
    }
  }
  return Report(false);
}

Status Writer::DrainAll() {
  Status s = SubmitJob();
  while (s.ok() && !inflight_.empty()) s = DrainOne();
  return s;
}

Status Writer::WritePiece(Piece& p) {
  Pending& e = PendingById(p.entry);
  const bool stored = p.mode == PieceMode::kStore || (p.mode == PieceMode::kWhole && p.stored);
  const std::vector<unsigned char>& payload = stored ? p.data : p.out;
  Status s;
  if (p.first) {
    ZipEntryRecord rec;
    rec.name = e.name;
    rec.method = stored ? kMethodStore : kMethodDeflate;
    rec.mtime = e.mtime_ns / 1000000000;
    rec.mode = e.mode;
    const bool known = p.last && !e.failed;
    rec.crc = e.crc;
    rec.size = e.size;
    rec.compressed_size = payload.size();
    s = zip_->BeginEntry(rec, known, e.zip64);
    if (!s.ok()) return s;
  }
  s = zip_->WriteData(payload.data(), payload.size());
  if (!s.ok()) return s;
  e.compressed += payload.size();
  progress_state_.bytes_done += p.data.size();
  if (!p.last) return Status::OK();

  if (e.failed) {
    s = zip_->DropEntry();
    summary_.skipped.push_back({e.source.empty() ? e.name : e.source, e.failure});
    names_.erase(e.name);
  } else {
    s = zip_->EndEntry(e.crc, e.size, e.compressed);
    IndexEntry ie;
    ie.path = e.name;
    ie.size = e.size;
    ie.mtime_ns = e.mtime_ns;
    ie.inode = e.inode;
    ie.crc32 = e.crc;
    index_.push_back(std::move(ie));
    unhashed_.emplace_back(index_.size() - 1, e.id);
    ++summary_.files;
    summary_.bytes_in += e.size;
  }
  ++progress_state_.files_done;
  progress_state_.current = e.name;
  pending_.pop_front();
  return s;
}

Status Writer::Report(bool force) {
  if (!progress_) return Status::OK();
  const double now = Now();
  if (!force && last_report_ != 0 && now - last_report_ < options_.progress_interval) {
    return Status::OK();
  }
  if (last_report_ != 0 && progress_state_.files_done == reported_files_ &&
      progress_state_.bytes_done == reported_bytes_ && progress_state_.current == reported_current_) {
    return Status::OK();  // nothing new to say
  }
  last_report_ = now;
  reported_files_ = progress_state_.files_done;
  reported_bytes_ = progress_state_.bytes_done;
  reported_current_ = progress_state_.current;
  Progress record;
  record.phase = progress_state_.phase;
  record.phases = {"archive"};
  if (options_.encrypt) record.phases = {"archive", "encrypt", "authenticate"};
  for (size_t i = 0; i < record.phases.size(); ++i) {
    if (record.phases[i] == record.phase) record.phase_index = i;
  }
  record.unit = "bytes";
  record.done = progress_state_.bytes_done;
  record.total = std::max(progress_state_.bytes_total, progress_state_.bytes_done);
  record.current = progress_state_.current;
  record.elapsed = now - started_;
  if (!progress_(record)) return Status::Cancelled("cancelled by the progress callback");
  return Status::OK();
}

Status Writer::AddFileEntry(const std::string& path, const std::string& name, uint64_t size,
                            int64_t mtime_ns, uint64_t inode, uint32_t mode, bool* skipped) {
  *skipped = false;
  const double opening = Now();
  // O_NONBLOCK: a file swapped for a FIFO since the scan must not block open().
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    *skipped = true;
    summary_.skipped.push_back(
        {path, err == ENOENT ? "vanished before reading" : std::string("unreadable: ") + strerror(err)});
    names_.erase(name);
    return Status::OK();
  }
  struct stat before;
  const bool regular = fstat(fd, &before) == 0 && S_ISREG(before.st_mode);
  summary_.stages.read += Now() - opening;
  if (!regular) {
    close(fd);
    *skipped = true;
    summary_.skipped.push_back({path, "not a regular file"});
    names_.erase(name);
    return Status::OK();
  }
  (void)size;
  Pending meta;
  meta.name = name;
  meta.source = path;
  meta.mtime_ns = MtimeNs(before);
  meta.inode = before.st_ino;
  meta.mode = before.st_mode & 07777;
  (void)mtime_ns;
  (void)inode;
  (void)mode;
  ReadFn read = [fd, &path](unsigned char* buf, size_t n) -> Result<size_t> {
    while (true) {
      const ssize_t r = ::read(fd, buf, n);
      if (r >= 0) return static_cast<size_t>(r);
      if (errno != EINTR) return Status::IOError(path + ": " + strerror(errno));
    }
  };
  auto after = [fd, &before]() -> std::string {
    struct stat now;
    if (fstat(fd, &now) != 0) return "vanished while reading";
    if (now.st_size != before.st_size || MtimeNs(now) != MtimeNs(before)) {
      return "changed while reading";
    }
    if (now.st_nlink == 0) return "vanished while reading";
    return "";
  };
  Status entry_status;
  Status s = AddEntry(std::move(meta), read, true, static_cast<uint64_t>(before.st_size), after,
                      &entry_status);
  close(fd);
  if (!entry_status.ok()) {
    *skipped = true;
    summary_.skipped.push_back({path, entry_status.code() == Status::Code::kCancelled
                                          ? entry_status.message()
                                          : "unreadable: " + entry_status.message()});
    names_.erase(name);
  }
  return s;
}

Status Writer::AddDirectory(const std::string& dir, const std::string& prefix) {
  Status s = Usable();
  if (!s.ok()) return s;
  ScanOptions scan;
  scan.follow_symlinks = options_.follow_symlinks;
  for (const std::string& root : options_.allowed_roots) {
    auto c = CanonicalPath(root);
    if (c.ok()) scan.allowed_roots.push_back(*c);
  }
  const std::string& target = out_->target();
  const size_t slash = target.rfind('/');
  auto target_dir = CanonicalPath(slash == std::string::npos ? "." : target.substr(0, slash + 1));
  if (target_dir.ok()) {
    scan.exclude_path = *target_dir + "/" + (slash == std::string::npos ? target : target.substr(slash + 1));
  }
  scan.exclude_device = out_->device();
  scan.exclude_inode = out_->inode();
  auto result = [&] {
    StageClock clock(&summary_.stages.scan);
    return ScanDirectory(dir, prefix, filter_, scan);
  }();
  if (!result.ok()) return result.status();

  std::string clean_prefix = prefix;
  while (!clean_prefix.empty() && clean_prefix.back() == '/') clean_prefix.pop_back();
  scanned_prefixes_.push_back(clean_prefix);
  for (Skipped& sk : result->skipped) summary_.skipped.push_back(std::move(sk));
  summary_.excluded += result->excluded;
  summary_.excluded_bytes += result->excluded_bytes;

  for (const ScannedFile& f : result->files) {
    progress_state_.files_total += 1;
    progress_state_.bytes_total += f.size;
  }
  for (const ScannedFile& f : result->files) {
    present_.insert(f.name);
    if (plugin_chain_) {
      // The plugin's rule: changed when modified after its last scan or its hash differs.
      auto it = plugin_md5_.find(f.name);
      if (it != plugin_md5_.end() && f.mtime_ns / 1000000000 <= plugin_last_scan_) {
        auto md5 = PluginFileHash(f.path);
        auto sha = Sha256OfFile(f.path);
        if (md5.ok() && sha.ok() && *md5 == it->second) {
          IndexEntry carried;
          carried.path = f.name;
          carried.size = f.size;
          carried.mtime_ns = f.mtime_ns;
          carried.inode = f.inode;
          carried.sha256 = std::move(*sha);
          carried.in_archive = false;
          index_.push_back(std::move(carried));
          ++summary_.unchanged;
          ++progress_state_.files_done;
          progress_state_.bytes_done += f.size;
          continue;
        }
      }
    } else if (incremental_) {
      auto it = previous_.find(f.name);
      if (it != previous_.end() && it->second.size == f.size) {
        bool same = it->second.mtime_ns == f.mtime_ns && it->second.inode == f.inode;
        if (!same && !it->second.sha256.empty()) {
          auto digest = Sha256OfFile(f.path);  // ambiguous: size equal, mtime or inode not
          same = digest.ok() && *digest == it->second.sha256;
        }
        if (same) {
          IndexEntry carried = it->second;
          carried.in_archive = false;
          carried.mtime_ns = f.mtime_ns;
          carried.inode = f.inode;
          index_.push_back(std::move(carried));
          ++summary_.unchanged;
          ++progress_state_.files_done;
          progress_state_.bytes_done += f.size;
          continue;
        }
      }
    }
    if (!names_.insert(f.name).second) {
      summary_.skipped.push_back({f.path, "duplicate entry name " + f.name});
      continue;
    }
    bool skipped = false;
    s = AddFileEntry(f.path, f.name, f.size, f.mtime_ns, f.inode, f.mode, &skipped);
    if (!s.ok()) return Poison(s);
    if (skipped) {
      ++progress_state_.files_done;
      progress_state_.bytes_done += f.size;
    }
  }
  s = DrainAll();
  if (s.ok()) s = Report(true);
  if (!s.ok()) return Poison(s);
  return Status::OK();
}

Status Writer::AddFile(const std::string& file, const std::string& name) {
  Status s = Usable();
  if (!s.ok()) return s;
  struct stat st;
  if (stat(file.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(file + ": no such file");
    return Status::IOError(file + ": " + strerror(err));
  }
  if (!S_ISREG(st.st_mode)) return Status::InvalidArgument(file + ": not a regular file");
  const int probe = open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (probe < 0) return Status::IOError(file + ": " + strerror(errno));
  close(probe);
  s = ClaimName(name);
  if (!s.ok()) return s;
  present_.insert(name);
  progress_state_.files_total += 1;
  progress_state_.bytes_total += static_cast<uint64_t>(st.st_size);
  const size_t skipped_before = summary_.skipped.size();
  bool skipped = false;
  s = AddFileEntry(file, name, st.st_size, MtimeNs(st), st.st_ino, st.st_mode & 07777, &skipped);
  if (s.ok()) s = DrainAll();
  if (s.ok()) s = Report(true);
  if (!s.ok()) return Poison(s);
  if (summary_.skipped.size() > skipped_before && skipped) {
    Skipped why = summary_.skipped.back();
    summary_.skipped.pop_back();
    return Status::IOError(why.path + ": " + why.reason);
  }
  // A failure noticed only while writing (changed while reading) is a skip, reported as such.
  return Status::OK();
}

Status Writer::AddFromString(const std::string& name, std::string_view data) {
  Status s = Usable();
  if (!s.ok()) return s;
  s = ClaimName(name);
  if (!s.ok()) return s;
  present_.insert(name);
  progress_state_.files_total += 1;
  progress_state_.bytes_total += data.size();
  size_t offset = 0;
  ReadFn read = [&](unsigned char* buf, size_t n) -> Result<size_t> {
    const size_t take = std::min(n, data.size() - offset);
    memcpy(buf, data.data() + offset, take);
    offset += take;
    return take;
  };
  Pending meta;
  meta.name = name;
  meta.mtime_ns = NowNs();
  meta.mode = 0644;
  Status entry_status;
  s = AddEntry(std::move(meta), read, true, data.size(), nullptr, &entry_status);
  if (s.ok()) s = DrainAll();
  if (s.ok()) s = Report(true);
  if (!s.ok()) return Poison(s);
  return Status::OK();
}

Status Writer::AddFromSource(const std::string& name, ByteSource& source, int level) {
  Status s = Usable();
  if (!s.ok()) return s;
  if (level != kArchiveLevel && (level < 0 || level > 9)) {
    return Status::InvalidArgument("level must be between 0 and 9");
  }
  s = ClaimName(name);
  if (!s.ok()) return s;
  present_.insert(name);
  progress_state_.files_total += 1;
  ReadFn read = [&](unsigned char* buf, size_t n) -> Result<size_t> {
    Result<size_t> got = source.Read(buf, n);
    if (got.ok()) progress_state_.bytes_total += *got;  // a stream's size is known as it is read
    return got;
  };
  Pending meta;
  meta.name = name;
  meta.source = name;
  meta.mtime_ns = NowNs();
  meta.mode = 0644;
  meta.level = level;
  Status entry_status;
  const size_t skipped_before = summary_.skipped.size();
  s = AddEntry(std::move(meta), read, false, 0, nullptr, &entry_status);
  if (s.ok()) s = DrainAll();
  if (s.ok()) s = Report(true);
  if (!s.ok()) return Poison(s);
  if (!entry_status.ok() || summary_.skipped.size() > skipped_before) {
    std::string why = entry_status.ok() ? summary_.skipped.back().reason : entry_status.message();
    if (!entry_status.ok() || summary_.skipped.back().path == name) {
      if (entry_status.ok()) summary_.skipped.pop_back();
      names_.erase(name);
      present_.erase(name);
      return Status::IOError("reading the stream for " + name + ": " + why);
    }
  }
  return Status::OK();
}

Status Writer::AddDeletion(const std::string& name) {
  Status s = Usable();
  if (!s.ok()) return s;
  if (!incremental_ || plugin_chain_) {
    return Status::InvalidArgument("a deletion can only be recorded in an incremental built on a bjlg backup");
  }
  s = CheckEntryName(name);
  if (!s.ok()) return s;
  deletions_.push_back(name);
  return Status::OK();
}

Result<std::string> Writer::ManifestNow(uint64_t file_count, const std::string& checksum) {
  ManifestFields f;
  f.type = incremental_ ? "incremental" : "full";
  f.created_at = created_at_;
  f.file_count = file_count;
  f.checksum = checksum;
  if (file_count == UINT64_MAX) {
    f.contains = {"db", "plugins", "themes", "uploads"};  // the longest it can get
  } else {
    static const std::pair<const char*, const char*> kComponents[] = {
        {"plugins", "wp-content/plugins"}, {"themes", "wp-content/themes"},
        {"uploads", "wp-content/uploads"}};
    bool db = false;
    for (const IndexEntry& e : index_) db |= e.in_archive && e.path == "database.sql";
    if (db) f.contains.push_back("db");
    for (const auto& [key, dir] : kComponents) {
      bool found = false;
      for (const std::string& p : scanned_prefixes_) {
        found |= !p.empty() && (IsUnder(dir, p) || IsUnder(p, dir));
      }
      for (const IndexEntry& e : index_) {
        if (found) break;
        found = e.in_archive && IsUnder(e.path, dir);
      }
      if (found) f.contains.push_back(key);
    }
  }
  return BuildManifest(options_.manifest_json, f);
}

Status Writer::Verify() {
  auto reader = Reader::Open(out_->temp_path());
  if (!reader.ok()) return Status::Corruption("verification failed: " + reader.status().message());
  if ((*reader)->Entries().size() != zip_->entries().size()) {
    return Status::Corruption("verification failed: the archive lists " +
                              std::to_string((*reader)->Entries().size()) + " entries, " +
                              std::to_string(zip_->entries().size()) + " were written");
  }
  if (options_.verify_full) {
    Status s = (*reader)->VerifyAll();
    if (!s.ok()) return Status::Corruption("verification failed: " + s.message());
  }
  return Status::OK();
}

void Writer::HashBytes(const unsigned char* data, size_t size) {
  hasher_->Update(data, size);
  hash_open_ = true;
}

void Writer::HashesIntoIndex() {
  StageClock clock(&summary_.stages.hash);
  std::unordered_map<uint64_t, std::string> digests = hasher_->Finish();
  for (const auto& [position, id] : unhashed_) index_[position].sha256 = std::move(digests[id]);
  unhashed_.clear();
}

Status Writer::WriteOwnEntry(const std::string& name, const std::string& content, int level) {
  const auto* data = reinterpret_cast<const unsigned char*>(content.data());
  std::vector<unsigned char> packed =
      level == 0 ? std::vector<unsigned char>() : DeflateWhole(data, content.size(), level);
  ZipEntryRecord rec;
  rec.name = name;
  rec.method = packed.empty() ? kMethodStore : kMethodDeflate;
  rec.crc = Crc32(0, data, content.size());
  rec.size = content.size();
  rec.compressed_size = packed.empty() ? content.size() : packed.size();
  rec.mtime = NowNs() / 1000000000;
  Status s = zip_->BeginEntry(rec, true, false);
  if (s.ok()) s = packed.empty() ? zip_->WriteData(data, content.size()) : zip_->WriteData(packed.data(), packed.size());
  if (s.ok()) s = zip_->EndEntry(rec.crc, rec.size, rec.compressed_size);
  return s;
}

Status Writer::FinishIncremental() {
  if (!incremental_) return Status::OK();
  std::vector<std::string> deleted;
  std::vector<IndexEntry> carried;
  for (const auto& [path, e] : previous_) {
    if (present_.count(path) != 0) continue;
    bool scanned = false;
    for (const std::string& p : scanned_prefixes_) scanned |= IsUnder(path, p);
    for (const std::string& p : deletions_) scanned |= IsUnder(path, p);
    if (scanned) {
      deleted.push_back(path);
    } else if (!plugin_chain_) {
      IndexEntry c = e;
      c.in_archive = false;
      carried.push_back(std::move(c));  // not looked at this time: still as before
    }
  }
  std::sort(deleted.begin(), deleted.end());
  std::sort(carried.begin(), carried.end(), [](const IndexEntry& a, const IndexEntry& b) { return a.path < b.path; });
  for (IndexEntry& c : carried) index_.push_back(std::move(c));
  summary_.deleted = deleted.size();
  if (deleted.empty()) return Status::OK();
  // bjlg's own entry: not a content file, so not in the index nor the summary's counts.
  return WriteOwnEntry(kDeletedName, DeletedFilesToJson(created_at_, deleted), options_.level);
}

Result<std::string> Writer::WriteIndex() {
  HashesIntoIndex();
  const std::string index_json = IndexToJson(created_at_, summary_.type, index_);
  Sha256 index_sha;
  index_sha.Update(index_json.data(), index_json.size());
  // Level 6, not 9: its SHA-256s are most of what bjlg adds to an archive's size, and level 9
  // saves 2% of it (2.7 KB on WordPress's 2,521 files) for five times the time.
  Status s = WriteOwnEntry(kIndexName, index_json, options_.level == 0 ? 0 : 6);
  if (!s.ok()) return s;
  return index_sha.FinalHex();
}

Status Writer::WriteManifestAndDirectory(const std::string& index_checksum) {
  uint64_t file_count = 0;
  for (const ZipEntryRecord& e : zip_->entries()) {
    if (e.name != kManifestName && e.name != kIndexName && e.name != kDeletedName) ++file_count;
  }
  auto manifest = ManifestNow(file_count, index_checksum);
  if (!manifest.ok()) return manifest.status();
  if (manifest->size() > manifest_size_) return Status::InvalidArgument("manifest outgrew its reserved space");
  std::string padded = *manifest;
  padded.resize(manifest_size_, ' ');
  Status s = zip_->RewriteStored(0, padded, Crc32(0, reinterpret_cast<const unsigned char*>(padded.data()), padded.size()));
  if (s.ok()) s = zip_->Finish();
  if (s.ok()) s = out_->Flush();
  return s;
}

Status Writer::SyncVerifyAndChecksum() {
  // The archive's SHA-256 reads it back from the page cache on another thread while this one
  // waits for fsync and reads the central directory back: one costs CPU, the other the disk.
  Result<std::string> digest = Status::IOError("not computed");
  Status s;
  crypto::RunAlongside(
      [&] {
        StageClock clock(&summary_.stages.checksum);
        digest = Sha256OfFile(out_->temp_path());
      },
      [&] {
        {
          StageClock clock(&summary_.stages.sync);
          s = out_->Finish();
        }
        if (s.ok()) {
          StageClock clock(&summary_.stages.verify);
          s = Verify();
        }
      });
  if (!s.ok()) return s;
  if (!digest.ok()) return digest.status();
  summary_.bytes_out = out_->Tell();
  summary_.sha256 = *digest;
  return Status::OK();
}

Status Writer::Publish() {
  if (!options_.encrypt) {
    StageClock clock(&summary_.stages.sync);
    return out_->Commit();
  }
  auto phase_progress = [this](const char* phase, uint64_t done, uint64_t total) {
    const bool first = progress_state_.phase != phase;
    progress_state_.phase = phase;
    progress_state_.bytes_done = done;
    progress_state_.bytes_total = total;
    return Report(first || done == total).ok();  // each phase's end is always reported
  };
  StageClock clock(&summary_.stages.encrypt);
  auto sealed = EncryptAndPublish(*out_, *options_.encrypt, options_.encryption,
                                  progress_ ? PhaseProgress(phase_progress) : nullptr);
  if (!sealed.ok()) return sealed.status();
  summary_.plaintext_sha256 = std::move(summary_.sha256);
  summary_.sha256 = std::move(sealed->sha256);
  summary_.bytes_out = sealed->report.encrypted_size;
  summary_.encryption = std::move(sealed->report);
  return Status::OK();
}

Result<Summary> Writer::Close() {
  Status s = Usable();
  if (!s.ok()) return s;
  s = DrainAll();
  if (s.ok()) s = FinishIncremental();
  if (!s.ok()) return Poison(s);

  const double own_entries_started = Now();  // the index and manifest count as writing
  Result<std::string> index_checksum = WriteIndex();
  s = index_checksum.ok() ? WriteManifestAndDirectory(*index_checksum) : index_checksum.status();
  summary_.stages.write += Now() - own_entries_started;
  if (s.ok()) s = SyncVerifyAndChecksum();
  summary_.stages.deflate = pool_->BusySeconds();
  pool_.reset();  // the compression workers are idle: let encryption have the cores
  if (s.ok()) s = Publish();
  if (!s.ok()) return Poison(s);
  closed_ = true;

  summary_.entries = zip_->entries().size();
  summary_.duration_seconds = Now() - started_;
  if (!summary_.skipped.empty()) {
    summary_.warnings.push_back(std::to_string(summary_.skipped.size()) +
                                " file(s) or folder(s) were not archived; see skipped");
  }
  Status r = Report(true);
  (void)r;  // the archive is complete: a late cancel changes nothing
  return summary_;
}

}  // namespace bjlg::archive
