#include "common/entry_hasher.h"

#include <openssl/crypto.h>

#include <cstring>

#include "common/digest.h"

namespace bjlg {

EntryHasher::EntryHasher() {
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
    if (current_.size == kPiece) Hand(false, 0);
  }
}

void EntryHasher::EndEntry(uint64_t id) {
  if (inline_) {
    digests_[id] = inline_->FinalHex();
    return;
  }
  Hand(true, id);
}

void EntryHasher::Hand(bool ends_entry, uint64_t id) {
  current_.ends_entry = ends_entry;
  current_.id = id;
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
    sha.Update(p.data.data(), p.size);
    std::string digest = p.ends_entry ? sha.FinalHex() : std::string();  // FinalHex restarts
    OPENSSL_cleanse(p.data.data(), p.size);
    lock.lock();
    if (p.ends_entry) digests_[p.id] = std::move(digest);
    spare_.push_back(std::move(p.data));
    --in_flight_;
    changed_.notify_all();
  }
}

}  // namespace bjlg
