// Archives for the verifier tests: a bjlg-made backup (manifest, database.sql, index, files of
// every kind), its encrypted copy, the plugin's archive shape made by Python's zipfile (no index,
// file_count 0, optionally with data descriptors), and ways to damage each.
#ifndef BJLG_TESTS_VERIFY_FIXTURES_H_
#define BJLG_TESTS_VERIFY_FIXTURES_H_

#include <string>

#include "archive/writer.h"
#include "crypto/cipher.h"
#include "crypto/key.h"
#include "../archive/test_util.h"

namespace bjlg::verify::testing {

using archive::testing::TempDir;

// A dump in the plugin's template (plugin-formats.md §2.4) with `rows` rows in wp_posts and a
// few in wp_options; strings hold quotes, semicolons, comment markers and escaped newlines.
inline std::string PluginDump(int rows) {
  std::string d =
      "-- Backup JLG Database Export\n-- Version: 2.0.3\n-- Date: 2026-11-20 02:00:00\n-- Site: https://example.org\n\n"
      "SET NAMES utf8mb4;\nSET FOREIGN_KEY_CHECKS=0;\n\n";
  d += "\n-- Table: wp_options\nDROP TABLE IF EXISTS `wp_options`;\nCREATE TABLE `wp_options` (\n"
       "  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n  `option_name` varchar(191) NOT NULL DEFAULT '',\n"
       "  `option_value` longtext NOT NULL,\n  PRIMARY KEY (`option_id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
       "-- Data for table: wp_options\nINSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`) VALUES\n"
       "('1', 'siteurl', 'https://example.org'),\n('2', 'blogname', 'It''s; a -- test /* not a comment */'),\n"
       "('3', 'blogdescription', 'line\\nbreak \\' quote; (paren');\n\n";
  d += "\n-- Table: wp_posts\nDROP TABLE IF EXISTS `wp_posts`;\nCREATE TABLE `wp_posts` (\n"
       "  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n  `post_title` text NOT NULL,\n  `post_content` longtext NOT NULL,\n"
       "  PRIMARY KEY (`ID`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n-- Data for table: wp_posts\n";
  for (int i = 0; i < rows; ++i) {
    if (i % 1000 == 0) {
      if (i > 0) d += ";\n\n";
      d += "INSERT INTO `wp_posts` (`ID`, `post_title`, `post_content`) VALUES\n";
    } else {
      d += ",\n";
    }
    d += "('" + std::to_string(i + 1) + "', 'Post " + std::to_string(i + 1) + "', 'Body; with (parens) and \\'quotes\\' #" +
         std::to_string(i) + "')";
  }
  if (rows > 0) d += ";\n\n";
  d += "\nSET FOREIGN_KEY_CHECKS=1;\n";
  return d;
}

// Writes the site tree used by the fixtures under dir/site.
inline void MakeSite(const TempDir& dir) {
  using archive::testing::WriteFile;
  WriteFile(dir / "site/plugins/hello/hello.php", archive::testing::SourceLike(20000, 1));
  WriteFile(dir / "site/plugins/hello/readme.txt", "Hello Dolly\n");
  WriteFile(dir / "site/themes/t/style.css", archive::testing::SourceLike(5000, 2));
  WriteFile(dir / "site/uploads/2026/11/photo.jpg", archive::testing::RandomBytes(70000, 3));
  WriteFile(dir / "site/uploads/2026/11/empty.txt", "");
}

// A bjlg backup of the site with `dump` as database.sql, at dir/name. Returns its path.
inline std::string BjlgArchive(const TempDir& dir, const std::string& name, const std::string& dump) {
  MakeSite(dir);
  archive::WriterOptions o;
  o.threads = 1;
  o.manifest_json = R"({"site_url": "https://example.org", "tables": ["wp_options", "wp_posts"]})";
  const std::string path = dir / name;
  auto w = archive::Writer::Create(path, o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFromString("database.sql", dump).ok());
  REQUIRE((*w)->AddDirectory(dir / "site/plugins", "wp-content/plugins").ok());
  REQUIRE((*w)->AddDirectory(dir / "site/themes", "wp-content/themes").ok());
  REQUIRE((*w)->AddDirectory(dir / "site/uploads", "wp-content/uploads").ok());
  REQUIRE((*w)->Close().ok());
  return path;
}

inline crypto::Key TestKey(uint8_t fill) {
  uint8_t bytes[32];
  for (int i = 0; i < 32; ++i) bytes[i] = static_cast<uint8_t>(fill + i);
  return *crypto::Key::FromBytes(bytes, 32);
}

inline std::string Encrypt(const std::string& in, const std::string& out, const crypto::Key& key,
                           uint32_t chunk_size = 4096) {
  crypto::EncryptOptions o;
  o.chunk_size = chunk_size;
  o.threads = 2;
  REQUIRE(crypto::EncryptFile(in, out, crypto::Secret(key), o).ok());
  return out;
}

// An archive at dir/name holding the file dir/file as wp-content/uploads/<file>. Returns its path.
inline std::string OneFileArchive(const TempDir& dir, const std::string& name, const std::string& file) {
  archive::WriterOptions o;
  o.threads = 1;
  auto w = archive::Writer::Create(dir / name, o);
  REQUIRE(w.ok());
  REQUIRE((*w)->AddFile(dir / file, "wp-content/uploads/" + file).ok());
  REQUIRE((*w)->Close().ok());
  return dir / name;
}

// The plugin's encrypted format (BJLGENC1, docs/encryption.md §2), with a key or a password.
inline std::string EncryptBjlgenc1(const std::string& in, const std::string& out, const crypto::Secret& secret) {
  crypto::EncryptOptions o;
  o.format = crypto::Format::kBjlgenc1;
  REQUIRE(crypto::EncryptFile(in, out, secret, o).ok());
  return out;
}

// The plugin's shape, written by Python's zipfile as ZipArchive would: manifest first with
// file_count 0 and empty checksum, database.sql, wp-content files; no index. With `stream`, the
// zip is written to a pipe, so every entry has a data descriptor.
inline std::string PluginArchive(const TempDir& dir, const std::string& name, const std::string& dump, bool stream) {
  MakeSite(dir);
  archive::testing::WriteFile(dir / "database.sql", dump);
  const std::string py =
      "import json, os, sys, zipfile\n"
      "site, dump, out, stream = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == '1'\n"
      "m = {'version': '2.0.3', 'wp_version': '6.4', 'php_version': '8.2', 'type': 'full',\n"
      "     'contains': ['db', 'plugins', 'themes', 'uploads'], 'created_at': '2026-11-20T02:00:00+01:00',\n"
      "     'site_url': 'https://example.org', 'site_name': 'x', 'db_prefix': 'wp_', 'theme_active': 't',\n"
      "     'plugins_active': [], 'multisite': False, 'file_count': 0, 'checksum': '', 'checksum_algorithm': ''}\n"
      "f = sys.stdout.buffer if stream else open(out, 'wb')\n"
      "with zipfile.ZipFile(f, 'w', zipfile.ZIP_DEFLATED) as z:\n"
      "    z.writestr('backup-manifest.json', json.dumps(m, indent=4))\n"
      "    z.write(dump, 'database.sql')\n"
      "    for comp in ('plugins', 'themes', 'uploads'):\n"
      "        root = os.path.join(site, comp)\n"
      "        for d, _, files in os.walk(root):\n"
      "            for fn in files:\n"
      "                p = os.path.join(d, fn)\n"
      "                z.write(p, 'wp-content/' + comp + '/' + os.path.relpath(p, root))\n";
  archive::testing::WriteFile(dir / "mkplugin.py", py);
  const std::string out = dir / name;
  std::string cmd = "python3 '" + (dir / "mkplugin.py") + "' '" + (dir / "site") + "' '" + (dir / "database.sql") +
                    "' '" + out + "' " + (stream ? "1 | cat > '" + out + "'" : "0");
  REQUIRE(TempDir::Run(cmd) == 0);
  return out;
}

// Flips one byte of `path` at `offset`.
inline void FlipByte(const std::string& path, uint64_t offset) {
  std::string data = archive::testing::ReadFile(path);
  REQUIRE(offset < data.size());
  data[offset] = static_cast<char>(data[offset] ^ 0x40);
  archive::testing::WriteFile(path, data);
}

// Rewrites the zip at `path` through Python, applying `python_edit` (an expression of `name`
// and `data` giving the new data, or None to drop the entry) to every entry.
inline void RewriteZip(const TempDir& dir, const std::string& path, const std::string& python_edit) {
  const std::string py =
      "import sys, zipfile\n"
      "src, dst = sys.argv[1], sys.argv[2]\n"
      "with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as b:\n"
      "    for info in a.infolist():\n"
      "        name, data = info.filename, a.read(info.filename)\n"
      "        new = " + python_edit + "\n"
      "        if new is not None:\n"
      "            b.writestr(info, new)\n";
  archive::testing::WriteFile(dir / "rewrite.py", py);
  REQUIRE(TempDir::Run("python3 '" + (dir / "rewrite.py") + "' '" + path + "' '" + path + ".new' && mv '" + path +
                       ".new' '" + path + "'") == 0);
}

}  // namespace bjlg::verify::testing

#endif  // BJLG_TESTS_VERIFY_FIXTURES_H_
