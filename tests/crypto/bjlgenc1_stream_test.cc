// Bjlgenc1DecryptStream: the plaintext pushed to a sink in memory (how the verifier reads the
// plugin's encrypted archives), on the calling thread, and never trusted before the second pass
// has authenticated the file again.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "crypto/bjlgenc1.h"
#include "crypto/cipher.h"
#include "test_files.h"

using bjlg::Status;
using namespace bjlg::crypto;
using namespace bjlg::crypto::testing;

namespace {

Secret TestKey() {
  uint8_t k[32];
  for (int i = 0; i < 32; ++i) k[i] = static_cast<uint8_t>(3 * i);
  return *Key::FromBytes(k, 32);
}

struct Opened {
  InputFile file;
  Bjlgenc1Header header;
};

Opened Open(const std::string& path) {
  auto file = InputFile::Open(path);
  REQUIRE(file.ok());
  uint8_t head[Bjlgenc1Header::kMaxSize];
  const size_t n = static_cast<size_t>(std::min<uint64_t>(sizeof head, file->size()));
  REQUIRE(file->ReadAt(0, head, n).ok());
  auto header = Bjlgenc1Header::Parse(head, n, file->size());
  REQUIRE(header.ok());
  return {std::move(*file), *header};
}

// An encrypted file of `size` pattern bytes at dir/name; returns the plaintext.
std::string MakeFile(const ScratchDir& dir, const std::string& name, size_t size) {
  const std::string plain = Pattern(size, 11);
  WriteAll(dir / "plain", plain);
  EncryptOptions o;
  o.format = Format::kBjlgenc1;
  REQUIRE(EncryptFile(dir / "plain", dir / name, TestKey(), o).ok());
  return plain;
}

void FlipByteInPlace(const std::string& path, off_t offset) {
  const int fd = open(path.c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  uint8_t b = 0;
  REQUIRE(pread(fd, &b, 1, offset) == 1);
  b ^= 0x01;
  REQUIRE(pwrite(fd, &b, 1, offset) == 1);
  close(fd);
}

}  // namespace

TEST_CASE("BJLGENC1 stream: the sink gets the plaintext in order, on the calling thread", "[crypto]") {
  ScratchDir dir;
  for (size_t size : {size_t{0}, size_t{15}, size_t{16}, size_t{(9u << 20) + 5}}) {
    INFO("size " << size);
    const std::string plain = MakeFile(dir, "a.enc", size);
    Opened f = Open(dir / "a.enc");
    const std::thread::id caller = std::this_thread::get_id();
    std::string got, ciphertext;
    std::vector<int> passes;
    bool on_caller = true;
    Bjlgenc1Stream stream;
    stream.sink = [&](const uint8_t* data, size_t n) {
      on_caller = on_caller && std::this_thread::get_id() == caller;
      got.append(reinterpret_cast<const char*>(data), n);
      return Status::OK();
    };
    stream.progress = [&](uint64_t done, int pass) {
      on_caller = on_caller && std::this_thread::get_id() == caller;
      CHECK(done <= f.header.ciphertext_size);
      if (passes.empty() || passes.back() != pass) passes.push_back(pass);
      return true;
    };
    stream.ciphertext = [&](const uint8_t* data, size_t n) { ciphertext.append(reinterpret_cast<const char*>(data), n); };
    uint64_t plaintext_size = 0;
    Status s = Bjlgenc1DecryptStream(f.file, f.header, TestKey(), {}, stream, &plaintext_size);
    REQUIRE(s.ok());
    CHECK(stream.failed_pass == 0);
    CHECK(plaintext_size == size);
    CHECK(got == plain);
    CHECK(on_caller);
    CHECK(passes == std::vector<int>{1, 2});
    CHECK(ciphertext == ReadAll(dir / "a.enc").substr(f.header.ciphertext_offset));
  }
}

TEST_CASE("BJLGENC1 stream: a file changed after the first pass fails the second, its end withheld", "[crypto]") {
  ScratchDir dir;
  const std::string plain = MakeFile(dir, "a.enc", (9u << 20) + 100);
  Opened f = Open(dir / "a.enc");
  std::string got;
  Bjlgenc1Stream stream;
  stream.sink = [&](const uint8_t* data, size_t n) {
    got.append(reinterpret_cast<const char*>(data), n);
    return Status::OK();
  };
  bool changed = false;
  stream.progress = [&](uint64_t done, int pass) {
    if (pass == 1 && done == f.header.ciphertext_size && !changed) {
      FlipByteInPlace(dir / "a.enc", static_cast<off_t>(f.header.ciphertext_offset + 5000000));
      changed = true;
    }
    return true;
  };
  uint64_t plaintext_size = 0;
  Status s = Bjlgenc1DecryptStream(f.file, f.header, TestKey(), {}, stream, &plaintext_size);
  CHECK(changed);
  CHECK(s.code() == Status::Code::kCorruption);
  CHECK(s.message() == "the file changed while it was being decrypted");
  CHECK(stream.failed_pass == 2);
  CHECK(got.size() < plain.size());  // the last block is only released after the MAC matched

  SECTION("a file altered before the call fails the first pass, and nothing reaches the sink") {
    got.clear();
    stream.progress = nullptr;
    Status again = Bjlgenc1DecryptStream(f.file, f.header, TestKey(), {}, stream, &plaintext_size);
    CHECK(again.code() == Status::Code::kCorruption);
    CHECK(stream.failed_pass == 1);
    CHECK(got.empty());
  }
}

TEST_CASE("BJLGENC1 stream: the progress callback and the sink can stop either pass", "[crypto]") {
  ScratchDir dir;
  MakeFile(dir, "a.enc", 9u << 20);
  Opened f = Open(dir / "a.enc");
  uint64_t plaintext_size = 0;
  for (int stop_in : {1, 2}) {
    INFO("pass " << stop_in);
    Bjlgenc1Stream stream;
    stream.sink = [](const uint8_t*, size_t) { return Status::OK(); };
    stream.progress = [&](uint64_t, int pass) { return pass != stop_in; };
    Status s = Bjlgenc1DecryptStream(f.file, f.header, TestKey(), {}, stream, &plaintext_size);
    CHECK(s.code() == Status::Code::kCancelled);
    CHECK(stream.failed_pass == stop_in);
  }
  Bjlgenc1Stream full;
  full.sink = [](const uint8_t*, size_t) { return Status::IOError("the consumer is full"); };
  Status s = Bjlgenc1DecryptStream(f.file, f.header, TestKey(), {}, full, &plaintext_size);
  CHECK(s.ToString() == "I/O error: the consumer is full");
  CHECK(full.failed_pass == 2);
}
