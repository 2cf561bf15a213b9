// EntryHasher: the SHA-256 of each entry of an archive, computed on a thread of its own so that
// the thread reading or writing the archive (parsing and inflating when verifying, reading and
// writing files when backing up) does not also hash every byte. The caller's bytes are copied
// into 256 KiB buffers (a copy costs about a tenth of hashing it), each handed over when full,
// with the places where entries end in it, through a queue of at most four: memory stays
// bounded whatever the archive, and a thousand small files cost a few hand-overs, not a
// thousand. The buffers are wiped when released (they hold plaintext of encrypted archives).
#ifndef BJLG_COMMON_ENTRY_HASHER_H_
#define BJLG_COMMON_ENTRY_HASHER_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace bjlg {

class Sha256;

class EntryHasher {
 public:
  enum class Mode { kOwnThread, kInline };
  // kInline hashes on the caller's thread (a writer with one thread: a second one would compete
  // for the same core); kOwnThread falls back to it when no thread can be started. The digests
  // are the same either way, and so is the interface.
  explicit EntryHasher(Mode mode = Mode::kOwnThread);
  ~EntryHasher();
  EntryHasher(const EntryHasher&) = delete;
  EntryHasher& operator=(const EntryHasher&) = delete;

  // Bytes of the current entry, in order.
  void Update(const uint8_t* data, size_t size);
  // The current entry ended: its digest will be the one of `id`. The next Update starts the next.
  void EndEntry(uint64_t id);
  // Waits for every piece handed over; the digests (64 lowercase hex digits) by id. Call once.
  std::unordered_map<uint64_t, std::string> Finish();

 private:
  static constexpr size_t kPiece = 256 << 10;
  static constexpr size_t kInFlight = 4;
  static constexpr size_t kMaxEndsPerPiece = 4096;
  // A buffer of bytes, possibly of several entries: `ends` lists where each entry that ends in
  // it ends (offset in `data`) and its id, so that many small files cost one hand-over.
  struct Piece {
    std::vector<uint8_t> data;
    size_t size = 0;
    std::vector<std::pair<size_t, uint64_t>> ends;
  };
  void Hand();  // queues `current_`
  void Run();

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Piece> queue_;
  std::vector<std::vector<uint8_t>> spare_;
  size_t in_flight_ = 0;
  bool closing_ = false;
  Piece current_;
  std::unordered_map<uint64_t, std::string> digests_;
  std::unique_ptr<Sha256> inline_;  // when no thread could be started: hash here
  std::thread worker_;
};

}  // namespace bjlg

#endif  // BJLG_COMMON_ENTRY_HASHER_H_
