#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

class OneByOneDeleteProbe : public Probe {
 public:
  OneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, DeleteError error, BeforeDelete before,
                      AfterDelete after)
      : items_(std::move(items)), build_(std::move(build)), error_(std::move(error)), before_(std::move(before)),
        after_(std::move(after)) {}

  bool Next(Request* r) override {
    while (!stopped_ && next_ < items_.size()) {
      Deletion* item = items_[next_];
      if (before_ && !before_({item})) {
        stopped_ = true;
        return false;
      }
      item->started_ms = NowMs();
      if (std::optional<RemoteError> e = build_(item->name, r)) {
        Finish(item, Deletion::Outcome::kFailed, e);
        ++next_;
        continue;
      }
      return true;
    }
    return false;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    Deletion* item = items_[next_++];
    item->attempts += response.attempts;
    if (response.status >= 200 && response.status < 300) {
      Finish(item, Deletion::Outcome::kDeleted, std::nullopt);
    } else if (response.status == 404 || response.status == 410) {
      Finish(item, Deletion::Outcome::kGone, std::nullopt);
    } else {
      Finish(item, Deletion::Outcome::kFailed, error_(response));
    }
    return std::nullopt;
  }

 private:
  void Finish(Deletion* item, Deletion::Outcome outcome, std::optional<RemoteError> error) {
    item->outcome = outcome;
    item->error = std::move(error);
    item->finished_ms = NowMs();
    if (after_ && !after_(*item)) stopped_ = true;
  }

  std::vector<Deletion*> items_;
  BuildDelete build_;
  DeleteError error_;
  BeforeDelete before_;
  AfterDelete after_;
  size_t next_ = 0;
  bool stopped_ = false;
};

}  // namespace

std::unique_ptr<Probe> MakeOneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, DeleteError error,
                                               BeforeDelete before, AfterDelete after) {
  return std::make_unique<OneByOneDeleteProbe>(std::move(items), std::move(build), std::move(error),
                                               std::move(before), std::move(after));
}

}  // namespace bjlg::remote::purge
