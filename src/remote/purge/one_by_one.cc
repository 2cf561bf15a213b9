#include "remote/purge/one_by_one.h"

namespace bjlg::remote::purge {
namespace {

class OneByOneDeleteProbe : public Probe {
 public:
  OneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, JudgeDelete judge, BeforeDelete before,
                      AfterDelete after, std::shared_ptr<quota::Session> session)
      : items_(std::move(items)), build_(std::move(build)), judge_(std::move(judge)), before_(std::move(before)),
        after_(std::move(after)), session_(std::move(session)), ready_(session_ == nullptr) {}

  bool Next(Request* r) override {
    if (!ready_) {
      in_session_ = session_->Next(r);
      if (in_session_) return true;
      ready_ = true;
    }
    while (!stopped_ && next_ < items_.size()) {
      Deletion* item = items_[next_];
      if (step_ == 0) {
        if (before_ && !before_({item})) {
          stopped_ = true;
          return false;
        }
        item->started_ms = NowMs();
        verdict_ = DeleteVerdict{Deletion::Outcome::kGone, std::nullopt};
      }
      const std::string id = item->ids.empty() ? "" : item->ids[step_];
      if (std::optional<RemoteError> e = build_(item->name, id, r)) {
        Record(DeleteVerdict{Deletion::Outcome::kFailed, e});
        Advance(item);
        continue;
      }
      if (session_) session_->Authorize(r);
      return true;
    }
    return false;
  }

  std::optional<RemoteError> OnResponse(Response& response) override {
    if (in_session_) {
      in_session_ = false;
      return session_->OnResponse(response);
    }
    Deletion* item = items_[next_];
    item->attempts += response.attempts;
    Record(judge_(response));
    Advance(item);
    return std::nullopt;
  }

 private:
  // Folds one request's verdict into the item's: a failure wins, then a deletion, then gone.
  void Record(DeleteVerdict v) {
    if (verdict_.outcome == Deletion::Outcome::kFailed) return;
    if (v.outcome == Deletion::Outcome::kFailed || v.outcome == Deletion::Outcome::kDeleted) verdict_ = std::move(v);
  }

  // Moves to the item's next id, or finishes the item after its last.
  void Advance(Deletion* item) {
    if (++step_ < item->ids.size() && verdict_.outcome != Deletion::Outcome::kFailed) return;
    step_ = 0;
    ++next_;
    if (!FinishDeletion(item, verdict_.outcome, std::move(verdict_.error), after_)) stopped_ = true;
  }

  std::vector<Deletion*> items_;
  BuildDelete build_;
  JudgeDelete judge_;
  BeforeDelete before_;
  AfterDelete after_;
  std::shared_ptr<quota::Session> session_;
  bool ready_, in_session_ = false;
  size_t next_ = 0, step_ = 0;
  DeleteVerdict verdict_;
  bool stopped_ = false;
};

}  // namespace

JudgeDelete JudgeByStatus(std::function<RemoteError(const Response&)> error) {
  return [error = std::move(error)](const Response& response) -> DeleteVerdict {
    if (response.status >= 200 && response.status < 300) return {Deletion::Outcome::kDeleted, std::nullopt};
    if (response.status == 404 || response.status == 410) return {Deletion::Outcome::kGone, std::nullopt};
    return {Deletion::Outcome::kFailed, error(response)};
  };
}

std::unique_ptr<Probe> MakeOneByOneDeleteProbe(std::vector<Deletion*> items, BuildDelete build, JudgeDelete judge,
                                               BeforeDelete before, AfterDelete after,
                                               std::shared_ptr<quota::Session> session) {
  return std::make_unique<OneByOneDeleteProbe>(std::move(items), std::move(build), std::move(judge),
                                               std::move(before), std::move(after), std::move(session));
}

}  // namespace bjlg::remote::purge
