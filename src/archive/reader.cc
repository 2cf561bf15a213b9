#include "archive/reader.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>

#include "archive/backup_index.h"
#include "archive/path_rules.h"
#include "archive/zip_layout.h"
#include "common/atomic_file.h"
#include "common/parse_limits.h"
#include "crypto/plaintext_reader.h"

namespace bjlg::archive {

namespace {

Status ZipErrorStatus(const std::string& what, int code, int sys) {
  zip_error_t err;
  zip_error_init_with_code(&err, code);
  std::string msg = what + ": " + zip_error_strerror(&err);
  zip_error_fini(&err);
  switch (code) {
    case ZIP_ER_NOENT: return Status::NotFound(msg);
    case ZIP_ER_OPEN:
      if (sys == EACCES || sys == EPERM) return Status::PermissionDenied(msg);
      return Status::IOError(msg);
    case ZIP_ER_READ: case ZIP_ER_SEEK: case ZIP_ER_MEMORY: case ZIP_ER_TELL:
      return Status::IOError(msg);
    case ZIP_ER_COMPNOTSUPP: case ZIP_ER_ENCRNOTSUPP: case ZIP_ER_MULTIDISK:
      return Status::NotSupported(msg);
    default: return Status::Corruption(msg);
  }
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { if (fd_ >= 0) close(fd_); }
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept { std::swap(fd_, o.fd_); return *this; }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

// A libzip source reading the plaintext of an encrypted archive through a PlaintextReader; the
// failure of the last read is kept, so that callers report it rather than libzip's "Read error".
class DecryptedSource {
 public:
  explicit DecryptedSource(std::unique_ptr<crypto::PlaintextReader> plain) : plain_(std::move(plain)) {
    zip_error_init(&error_);
  }
  ~DecryptedSource() { zip_error_fini(&error_); }

  // A new zip_source_t calling this object (which must outlive it). Null on failure.
  zip_source_t* Create(zip_error_t* error) { return zip_source_function_create(&Callback, this, error); }
  const Status& failure() const { return failure_; }
  const char* format() const { return plain_->format(); }
  crypto::PlaintextReader& plain() const { return *plain_; }

 private:
  static zip_int64_t Callback(void* self, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    return static_cast<DecryptedSource*>(self)->Handle(data, len, cmd);
  }

  zip_int64_t Fail(Status s) {
    failure_ = std::move(s);
    zip_error_set(&error_, ZIP_ER_READ, 0);
    return -1;
  }

  zip_int64_t Handle(void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    switch (cmd) {
      case ZIP_SOURCE_OPEN: position_ = 0; return 0;
      case ZIP_SOURCE_CLOSE: return 0;
      case ZIP_SOURCE_FREE: return 0;  // owned by the Reader
      case ZIP_SOURCE_READ: {
        Result<size_t> n = plain_->ReadAt(position_, static_cast<uint8_t*>(data), static_cast<size_t>(len));
        if (!n.ok()) return Fail(n.status());
        position_ += *n;
        return static_cast<zip_int64_t>(*n);
      }
      case ZIP_SOURCE_SEEK: {
        const zip_int64_t to = zip_source_seek_compute_offset(position_, plain_->size(), data, len, &error_);
        if (to < 0) return -1;
        position_ = static_cast<uint64_t>(to);
        return 0;
      }
      case ZIP_SOURCE_TELL: return static_cast<zip_int64_t>(position_);
      case ZIP_SOURCE_STAT: {
        zip_stat_t* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &error_);
        if (st == nullptr) return -1;
        zip_stat_init(st);
        st->size = plain_->size();
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR: return zip_error_to_data(&error_, data, len);
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS, -1);
      default:
        zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }

  std::unique_ptr<crypto::PlaintextReader> plain_;
  uint64_t position_ = 0;
  zip_error_t error_;
  Status failure_;
};

EntryStream::~EntryStream() {
  if (file_ != nullptr) zip_fclose(file_);
}

Result<size_t> EntryStream::Read(unsigned char* buffer, size_t size) {
  if (finished_ || size == 0) return size_t{0};
  // Ask for one byte more than declared at most, to notice an entry longer than it says.
  const uint64_t room = expected_size_ + 1 - done_;
  const zip_int64_t n = zip_fread(file_, buffer, std::min<uint64_t>(size, room));
  if (n < 0) {
    zip_error_t* err = zip_file_get_error(file_);
    const int code = zip_error_code_zip(err);
    if (source_ != nullptr && !source_->failure().ok()) return source_->failure().Annotate(name_ + ": ");
    if (code == ZIP_ER_CRC) return Status::Corruption(name_ + ": CRC-32 mismatch");
    return ZipErrorStatus(name_, code, zip_error_code_system(err));
  }
  done_ += static_cast<uint64_t>(n);
  if (done_ > expected_size_) {
    return Status::Corruption(name_ + ": more data than its declared " +
                              std::to_string(expected_size_) + " bytes");
  }
  if (done_ > limit_) return Status::Corruption(name_ + ": larger than the allowed size");
  crc_ = libdeflate_crc32(crc_, buffer, static_cast<size_t>(n));
  if (n == 0) {
    finished_ = true;
    if (done_ != expected_size_) {
      return Status::Corruption(name_ + ": " + std::to_string(done_) + " bytes instead of " +
                                std::to_string(expected_size_));
    }
    if (check_crc_ && crc_ != expected_crc_) return Status::Corruption(name_ + ": CRC-32 mismatch");
  }
  return static_cast<size_t>(n);
}

namespace {

// Opens the zip inside an encrypted archive, read through its decryption (*source).
Status OpenDecrypted(const std::string& path, const crypto::Secret& secret, std::unique_ptr<DecryptedSource>* source,
                     zip_t** zip) {
  Result<std::unique_ptr<crypto::PlaintextReader>> plain = crypto::OpenPlaintextReader(path, secret);
  if (!plain.ok()) return plain.status();
  *source = std::make_unique<DecryptedSource>(std::move(*plain));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = (*source)->Create(&error);
  if (src != nullptr) {
    *zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (*zip == nullptr) zip_source_free(src);
  }
  const int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (*zip != nullptr) return Status::OK();
  if (!(*source)->failure().ok()) return (*source)->failure().Annotate(path + ": ");
  return ZipErrorStatus(path + " (decrypted)", code, 0);
}

}  // namespace

Result<std::unique_ptr<Reader>> Reader::Open(const std::string& path, const crypto::Secret* secret) {
  std::unique_ptr<Reader> r(new Reader());
  r->path_ = path;
  Fd raw;  // the archive's bytes as stored, for the layout check
  if (secret != nullptr) {
    Status s = OpenDecrypted(path, *secret, &r->source_, &r->zip_);
    if (!s.ok()) return s;
  } else {
    // libzip's zip_open() would block on a FIFO: the descriptor is opened and checked here.
    Result<int> fd = OpenRegularFile(path, "archive");
    if (!fd.ok()) return fd.status();
    raw = Fd(::dup(*fd));
    int code = 0;
    r->zip_ = zip_fdopen(*fd, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (r->zip_ == nullptr) {
      const int err = errno;
      ::close(*fd);  // zip_fdopen() keeps the descriptor only when it succeeds
      errno = err;
      if (code != ZIP_ER_NOENT && code != ZIP_ER_OPEN && crypto::LooksEncrypted(path)) {
        return Status::Unauthenticated(path + " is encrypted: give its key or password to read it");
      }
      return ZipErrorStatus(path, code, errno);
    }
  }
  // After libzip accepted the directory (its refusals keep their words), before any entry is read.
  Status layout = r->source_ ? CheckZipLayout(
                                   [&](uint64_t offset, uint8_t* out, size_t size) {
                                     return r->source_->plain().ReadAt(offset, out, size);
                                   },
                                   r->source_->plain().size(), path)
                             : CheckZipFdLayout(raw.get(), path);
  if (!layout.ok()) return layout;
  zip_t* za = r->zip_;
  const zip_int64_t count = zip_get_num_entries(za, 0);
  r->entries_.reserve(static_cast<size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0) {
      return Status::Corruption(path + ": entry " + std::to_string(i) + " cannot be read");
    }
    EntryInfo e;
    e.index = static_cast<uint64_t>(i);
    e.name = st.name != nullptr ? st.name : "";
    e.size = st.size;
    e.compressed_size = st.comp_size;
    e.crc = st.crc;
    e.method = st.comp_method;
    e.mtime = st.mtime;
    e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
    e.is_directory = !e.name.empty() && e.name.back() == '/';
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(za, e.index, 0, &opsys, &attributes) == 0) {
      const uint32_t unix_mode = attributes >> 16;
      e.is_symlink = (unix_mode & 0170000) == 0120000;  // whatever opsys says, as the plugin
      if (opsys == ZIP_OPSYS_UNIX) e.mode = unix_mode & 07777;
    }
    r->entries_.push_back(std::move(e));
  }
  return r;
}

Reader::~Reader() {
  if (zip_ != nullptr) zip_discard(zip_);
}

std::string Reader::encryption() const { return source_ ? source_->format() : ""; }

Status ExtractOptions::Validate() const {
  const std::pair<const char*, uint64_t> limits[] = {{"max_entry_size", max_entry_size},
                                                     {"max_total_size", max_total_size},
                                                     {"max_entries", max_entries},
                                                     {"max_ratio", max_ratio}};
  for (const auto& [name, value] : limits) {
    // Values past INT64_MAX come from negative PHP ints (BjlgOptions saturates them).
    if (value < 1 || value > static_cast<uint64_t>(INT64_MAX)) {
      return Status::InvalidOption(name, "must be greater than 0");
    }
  }
  return CheckProgressInterval(progress_interval);
}

Status Reader::CheckExtractable(const ExtractOptions& o) const {
  if (entries_.size() > o.max_entries) {
    return Status::Corruption("unsafe archive: " + std::to_string(entries_.size()) +
                              " entries, over the limit of " + std::to_string(o.max_entries));
  }
  uint64_t total = 0;
  for (const EntryInfo& e : entries_) {
    auto name = SafeExtractName(e.name);
    if (!name.ok()) return name.status();
    const std::string quoted = "entry \"" + e.name + "\"";
    if (e.is_symlink) return Status::Corruption("unsafe " + quoted + ": symbolic link");
    if (e.encrypted) return Status::NotSupported(quoted + " is encrypted");
    if (e.size > o.max_entry_size) {
      return Status::Corruption("unsafe " + quoted + ": declares " + std::to_string(e.size) +
                                " bytes, over the limit of " + std::to_string(o.max_entry_size));
    }
    if (e.size > (1u << 20) &&
        (e.compressed_size == 0 || e.size / e.compressed_size > o.max_ratio)) {
      return Status::Corruption("unsafe " + quoted + ": compression ratio over " +
                                std::to_string(o.max_ratio) + " (zip bomb)");
    }
    total += e.size;
    if (total > o.max_total_size) {
      return Status::Corruption("unsafe archive: entries declare more than " +
                                std::to_string(o.max_total_size) + " bytes in total");
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<EntryStream>> Reader::OpenIndex(const EntryInfo& e, uint64_t max_size) {
  if (e.size > max_size) {
    return Status::Corruption("unsafe entry \"" + e.name + "\": declares " +
                              std::to_string(e.size) + " bytes, over the limit");
  }
  zip_file_t* f = zip_fopen_index(zip_, e.index, 0);
  if (f == nullptr) {
    zip_error_t* err = zip_get_error(zip_);
    return ZipErrorStatus(e.name, zip_error_code_zip(err), zip_error_code_system(err));
  }
  std::unique_ptr<EntryStream> s(new EntryStream());
  s->file_ = f;
  s->name_ = e.name;
  s->expected_size_ = e.size;
  s->expected_crc_ = e.crc;
  s->limit_ = max_size;
  s->source_ = source_.get();
  return s;
}

Result<std::unique_ptr<EntryStream>> Reader::OpenEntry(const std::string& name, uint64_t max_size) {
  for (const EntryInfo& e : entries_) {
    if (e.name != name) continue;
    auto safe = SafeExtractName(e.name);
    if (!safe.ok()) return safe.status();
    if (e.is_symlink) return Status::Corruption("unsafe entry \"" + e.name + "\": symbolic link");
    return OpenIndex(e, max_size);
  }
  return Status::NotFound("no entry \"" + name + "\" in " + path_);
}

Result<std::string> Reader::ReadAll(const std::string& name, uint64_t max_size) {
  auto stream = OpenEntry(name, max_size);
  if (!stream.ok()) return stream.status();
  std::string out;
  unsigned char buf[65536];
  while (true) {
    auto n = (*stream)->Read(buf, sizeof buf);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    out.append(reinterpret_cast<char*>(buf), *n);
  }
  return out;
}

Status Reader::VerifyAll() {
  std::vector<unsigned char> buf(1 << 20);
  for (const EntryInfo& e : entries_) {
    if (e.is_directory) continue;
    auto stream = OpenIndex(e, UINT64_MAX - 1);
    if (!stream.ok()) return stream.status();
    while (true) {
      auto n = (*stream)->Read(buf.data(), buf.size());
      if (!n.ok()) return n.status();
      if (*n == 0) break;
    }
  }
  return Status::OK();
}

Result<std::vector<std::string>> Reader::DeletedFiles() {
  bool present = false;
  for (const EntryInfo& e : entries_) present |= e.name == kDeletedName;
  if (!present) return std::vector<std::string>();
  auto json = ReadAll(kDeletedName, 256u << 20);
  if (!json.ok()) return json.status();
  return ParseDeletedFiles(*json);
}

Result<ExtractReport> Reader::ExtractTo(const std::string& dir, const ExtractOptions& o) {
  Status s = CheckExtractable(o);
  if (!s.ok()) return s;
  if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IOError("cannot create " + dir + ": " + strerror(errno));
  }
  Fd root(open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (root.get() < 0) return Status::IOError(dir + ": " + strerror(errno));

  uint64_t declared = 0;
  for (const EntryInfo& e : entries_) declared += e.size;
  ProgressReporter progress(o.progress, {"extract"}, o.progress_interval);
  const Status cancelled = Status::Cancelled("cancelled by the progress callback");
  if (!progress.Begin("extract", declared, "bytes")) return cancelled;

  ExtractReport report;
  std::vector<unsigned char> buf(1 << 20);
  for (const EntryInfo& e : entries_) {
    std::string name = *SafeExtractName(e.name);
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < name.size()) {
      size_t slash = name.find('/', start);
      if (slash == std::string::npos) slash = name.size();
      std::string part = name.substr(start, slash - start);
      if (!part.empty() && part != ".") parts.push_back(part);
      start = slash + 1;
    }
    if (parts.empty()) continue;
    if (!progress.Update(report.bytes, e.name)) return cancelled;
    const size_t dirs = e.is_directory ? parts.size() : parts.size() - 1;
    Fd cur(dup(root.get()));
    for (size_t i = 0; i < dirs; ++i) {
      if (mkdirat(cur.get(), parts[i].c_str(), 0755) == 0) ++report.directories;
      Fd next(openat(cur.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (next.get() < 0) {
        return Status::IOError("cannot extract \"" + e.name + "\": " + parts[i] +
                               " is not a directory we may write into (" + strerror(errno) + ")");
      }
      cur = std::move(next);
    }
    if (e.is_directory) continue;
    const std::string& leaf = parts.back();
    if (!o.overwrite) {
      struct stat st;
      if (fstatat(cur.get(), leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        return Status::IOError("cannot extract \"" + e.name + "\": " + strerror(EEXIST));
      }
    }
    // Written beside the target and renamed over it only once its size and CRC were checked:
    // a damaged entry never truncates or removes the file it would have replaced.
    const mode_t mode = e.mode != 0 ? (e.mode & 0777) : 0644;
    auto out = AtomicFile::CreateAt(cur.get(), leaf, "\"" + e.name + "\"", mode, o.overwrite, /*sync=*/false);
    if (!out.ok()) return out.status().Annotate("cannot extract \"" + e.name + "\": ");
    const uint64_t room = std::min(o.max_entry_size, o.max_total_size - report.bytes);
    auto stream = OpenIndex(e, room);
    if (!stream.ok()) return stream.status();
    while (true) {
      auto n = (*stream)->Read(buf.data(), buf.size());
      if (!n.ok()) return n.status();
      if (*n == 0) break;
      Status w = (*out)->Append(buf.data(), *n);
      if (!w.ok()) return w;
      report.bytes += *n;
      if (!progress.Update(report.bytes, e.name)) return cancelled;  // `out` removes the part written
    }
    struct timespec times[2];
    times[0].tv_sec = times[1].tv_sec = e.mtime;
    times[0].tv_nsec = times[1].tv_nsec = 0;
    futimens((*out)->fd(), times);
    Status committed = (*out)->Commit();
    if (!committed.ok()) return committed.Annotate("cannot extract \"" + e.name + "\": ");
    ++report.files;
  }
  if (!progress.End()) return cancelled;
  return report;
}

}  // namespace bjlg::archive
