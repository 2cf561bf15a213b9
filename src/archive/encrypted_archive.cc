#include "archive/encrypted_archive.h"

#include "common/digest.h"

namespace bjlg::archive {

Result<EncryptedArchive> EncryptAndPublish(OutputFile& out, const crypto::Secret& secret,
                                           crypto::EncryptOptions options, const PhaseProgress& progress) {
  const std::string& target = out.target();
  const size_t slash = target.rfind('/');
  const std::string sealed =
      out.private_dir() + "/" + (slash == std::string::npos ? target : target.substr(slash + 1));

  if (progress) {
    options.progress = [&progress](const Progress& p) { return progress("encrypt", p.done, p.total); };
  }
  Result<crypto::FileReport> report = crypto::EncryptFile(out.temp_path(), sealed, secret, options);
  if (!report.ok()) return report.status().Annotate("encrypting the archive: ");

  crypto::DecryptOptions check;
  check.threads = options.threads;
  if (progress) {
    check.progress = [&progress](const Progress& p) { return progress("authenticate", p.done, p.total); };
  }
  Result<crypto::FileReport> verified = crypto::VerifyFile(sealed, secret, check);
  if (!verified.ok()) {
    const Status& s = verified.status();
    if (s.code() == Status::Code::kCancelled) return s;
    if (s.code() == Status::Code::kIOError || s.code() == Status::Code::kNotFound) {
      return s.Annotate("reading the encrypted archive back: ");
    }
    return Status::Corruption("the encrypted archive did not authenticate when read back: " +
                              s.message());
  }
  Result<std::string> digest = Sha256OfFile(sealed);
  if (!digest.ok()) return digest.status();
  Status s = out.Publish(sealed);
  if (!s.ok()) return s;
  return EncryptedArchive{*report, *digest};
}

}  // namespace bjlg::archive
