#include "common/entry_hasher.h"

#include <openssl/crypto.h>

#include <cstring>

#include "common/digest.h"

namespace bjlg {

EntryHasher::EntryHasher(Mode mode) {
  if (mode == Mode::kInline) {
    inline_ = std::make_unique<Sha256>();
    return;
  }
  current_.data.resize(kPiece);
  try {
    worker_ = std::thread([this] { Run(); });
  } catch (...) {
    inline_ = std::make_unique<Sha256>();  // no thread: slower, same digests
  }
}

EntryHasher::~EntryHasher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
  OPENSSL_cleanse(current_.data.data(), current_.data.size());
  for (Piece& p : queue_) OPENSSL_cleanse(p.data.data(), p.data.size());
  for (auto& b : spare_) OPENSSL_cleanse(b.data(), b.size());
}

void EntryHasher::Update(const uint8_t* data, size_t size) {
  if (inline_) {
    inline_->Update(data, size);
    return;
  }
  while (size > 0) {
    const size_t n = std::min(size, kPiece - current_.size);
    std::memcpy(current_.data.data() + current_.size, data, n);
    current_.size += n;
    data += n;
    size -= n;
    if (current_.size == kPiece) Hand();
  }
}

void EntryHasher::EndEntry(uint64_t id) {
  if (inline_) {
    digests_[id] = inline_->FinalHex();
    return;
  }
  current_.ends.emplace_back(current_.size, id);  // handed over when the buffer is full
  if (current_.ends.size() >= kMaxEndsPerPiece) Hand();  // a run of empty files, say
}

void EntryHasher::Hand() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return in_flight_ < kInFlight; });
  ++in_flight_;
  queue_.push_back(std::move(current_));
  current_ = Piece();
  if (!spare_.empty()) {
    current_.data = std::move(spare_.back());
    spare_.pop_back();
  }
  lock.unlock();
  changed_.notify_all();
  if (current_.data.empty()) current_.data.resize(kPiece);
}

std::unordered_map<uint64_t, std::string> EntryHasher::Finish() {
  if (!inline_ && (current_.size > 0 || !current_.ends.empty())) Hand();
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [this] { return in_flight_ == 0; });
  return std::move(digests_);
}

void EntryHasher::Run() {
  Sha256 sha;
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    changed_.wait(lock, [this] { return closing_ || !queue_.empty(); });
    if (queue_.empty()) return;  // closing, and nothing left
    Piece p = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    std::vector<std::pair<uint64_t, std::string>> digests;
    size_t at = 0;
    for (const auto& [end, id] : p.ends) {
      sha.Update(p.data.data() + at, end - at);
      digests.emplace_back(id, sha.FinalHex());  // FinalHex restarts
      at = end;
    }
    sha.Update(p.data.data() + at, p.size - at);
    OPENSSL_cleanse(p.data.data(), p.size);
    lock.lock();
    for (auto& [id, digest] : digests) digests_[id] = std::move(digest);
    spare_.push_back(std::move(p.data));
    --in_flight_;
    changed_.notify_all();
  }
}

}  // namespace bjlg
