"""Stateful stand-ins of the hosted providers' listing and delete calls, for the purge
integration tests (tests/purge/integration.php), served by fake_providers.py under
/purge-hosted/<store>/<the provider's own path>. Each store holds the archives of seed.py's
purge_names(days) and answers in the shapes the providers document:

  b2        b2_authorize_account, b2_list_file_versions (nextFileName/nextFileId, newest version
            first within a name), b2_delete_file_version; bucket "bucket1", names under "site/",
            the oldest full with an older version, one name hidden (its newest version a hide
            marker), one file outside the prefix; the first delete answers 503 + Retry-After
  gdrive    files.list (q "'folder-1' in parents", pageToken), DELETE files/{id}; a sub-folder,
            and a second file under the oldest full's name; the first delete answers 429
  dropbox   list_folder, list_folder/continue (cursor), delete_v2 in "/Apps/bjlg"; the first
            delete answers 429 too_many_requests
  onedrive  root:/Backups/site:/children with @odata.nextLink, DELETE items/{id}; a sub-folder;
            the first delete answers 429
  pcloud    listfolder (path "/Backups" or folderid 1; pCloud does not page it), deletefile
            (result 2009 when gone)

Listings page 25 objects at a time (B2: the request's maxFileCount). The bearer token is
fake_providers' refreshed one or "static-token"; B2's key is keyId:appKey.
  POST /purge-hosted-seed/<store>?days=N     (re)creates the store
  POST /purge-hosted-remove/<store>?name=X   removes an archive behind the client's back
  GET  /purge-hosted-state/<store>           {"names": visible names, "objects": every object,
                                              "throttled": throttled answers sent}
"""
import json
import os
import re
import sys
import threading
from urllib.parse import parse_qs, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seed import purge_names, size  # noqa: E402

PAGE = 25
MTIME = "2026-12-04T00:00:00Z"
lock = threading.Lock()
stores = {}


class Store:
    def __init__(self, kind, days):
        self.kind = kind
        self.throttled = 0
        self.deletes = 0
        # Objects: {id, name, size, action (B2), ts (B2 upload ms), folder}.
        self.objects = []
        prefix = "site/" if kind == "b2" else ""
        for i, name in enumerate(purge_names(days)):
            self.add(prefix + name, size(i), ts=1796515200000 + i)
        oldest = prefix + purge_names(days)[3 * (days - 1)]  # the oldest full: the policy deletes it
        if kind == "b2":
            self.add(oldest, 50, ts=1700000000000)  # an older version of the same archive
            hidden = "site/backup-full-2026-10-01-03-00-00-65f1a2b3c999903.zip"
            self.add(hidden, 70, ts=1790000000000)
            self.add(hidden, 0, action="hide", ts=1790000001000)
            self.add("other/backup-full-2026-10-02-03-00-00-65f1a2b3c999803.zip", 80, ts=1790000000000)
        if kind == "gdrive":
            self.add(oldest, 60)  # Drive allows two files of one name in a folder
        if kind in ("gdrive", "onedrive", "pcloud"):
            self.add("older-backups", 0, folder=True)

    def add(self, name, length, action="upload", ts=0, folder=False):
        self.objects.append({"id": "%s%04d" % (self.kind[0], len(self.objects) + 1), "name": name, "size": length,
                             "action": action, "ts": ts, "folder": folder})

    def visible(self):
        """Names a reader sees: B2's newest version of each name is not a hide marker."""
        newest = {}
        for o in sorted(self.objects, key=lambda o: -o["ts"]):
            newest.setdefault(o["name"], o)
        return sorted(n for n, o in newest.items() if o["action"] != "hide" and not o["folder"])

    def take(self, ident):
        for o in self.objects:
            if o["id"] == ident:
                self.objects.remove(o)
                return o
        return None

    def throttle_first_delete(self):
        self.deletes += 1
        if self.deletes == 1:
            self.throttled += 1
            return True
        return False


def route(h, method, path, query, payload):
    """Handles /purge-hosted*/...; h is fake_providers' handler (send, PORT, TOKEN)."""
    parts = path.split("/", 3)  # "", "purge-hosted", store, rest
    scenario, name = parts[1], parts[2]
    rest = "/" + (parts[3] if len(parts) > 3 else "")
    q = parse_qs(query, keep_blank_values=True)
    with lock:
        if scenario == "purge-hosted-seed":
            stores[name] = Store(name, int(q["days"][0]))
            return h.send(200, "{}")
        store = stores.get(name)
        if store is None:
            return h.send(404, '{"error": "no such store"}')
        if scenario == "purge-hosted-remove":
            store.objects = [o for o in store.objects if o["name"] != q["name"][0]]
            return h.send(200, "{}")
        if scenario == "purge-hosted-state":
            return h.send(200, json.dumps({"names": store.visible(), "objects": len(store.objects),
                                           "throttled": store.throttled}))
        base = "http://127.0.0.1:%d/purge-hosted/%s" % (h.PORT, name)
        auth = h.headers.get("Authorization", "")
        if rest == "/token":
            return h.provider(method, rest, None, auth, payload)
        handler = {"b2": b2, "gdrive": gdrive, "dropbox": dropbox, "onedrive": onedrive, "pcloud": pcloud}[store.kind]
        if store.kind != "b2" and auth not in ("Bearer " + h.TOKEN, "Bearer static-token"):
            return h.unauthorized(rest)
        return handler(h, store, base, method, rest, q, payload, auth)


def b2(h, store, base, method, rest, q, payload, auth):
    if rest == "/b2api/v2/b2_authorize_account":
        if auth != "Basic a2V5SWQ6YXBwS2V5":
            return h.unauthorized("/b2api")
        return h.send(200, json.dumps({"accountId": "acc1", "authorizationToken": "b2-token", "apiUrl": base,
                                       "downloadUrl": base, "recommendedPartSize": 100000000}))
    if auth != "b2-token":
        return h.unauthorized("/b2api")
    req = json.loads(payload or b"{}")
    if rest == "/b2api/v2/b2_list_file_versions":
        if req.get("bucketId") != "bucket1":
            return h.send(400, '{"status": 400, "code": "bad_bucket_id", "message": "Invalid bucketId"}')
        files = sorted((o for o in store.objects if o["name"].startswith(req.get("prefix", ""))),
                       key=lambda o: (o["name"], -o["ts"]))
        start = req.get("startFileName")
        if start is not None:
            at = [i for i, o in enumerate(files) if (o["name"], o["id"]) == (start, req.get("startFileId"))]
            files = files[at[0]:] if at else [o for o in files if o["name"] > start]
        count = int(req.get("maxFileCount", 100))
        page, more = files[:count], files[count:]
        return h.send(200, json.dumps({
            "files": [{"accountId": "acc1", "action": o["action"], "bucketId": "bucket1", "contentLength": o["size"],
                       "contentType": "application/zip", "fileId": o["id"], "fileInfo": {}, "fileName": o["name"],
                       "uploadTimestamp": o["ts"]} for o in page],
            "nextFileName": more[0]["name"] if more else None, "nextFileId": more[0]["id"] if more else None}))
    if rest == "/b2api/v2/b2_delete_file_version":
        if store.throttle_first_delete():
            return h.send(503, '{"status": 503, "code": "service_unavailable", "message": "busy"}',
                          headers={"Retry-After": "1"})
        o = next((o for o in store.objects if o["id"] == req.get("fileId") and o["name"] == req.get("fileName")), None)
        if o is None:
            return h.send(400, json.dumps({"status": 400, "code": "file_not_present",
                                           "message": "File not present: %s %s" % (req.get("fileName"), req.get("fileId"))}))
        store.objects.remove(o)
        return h.send(200, json.dumps({"fileId": o["id"], "fileName": o["name"]}))
    return h.send(404, '{"status": 404, "code": "not_found", "message": "no such call"}')


def gdrive(h, store, base, method, rest, q, payload, auth):
    if rest == "/drive/v3/files" and method == "GET":
        m = re.match(r"^'((?:[^'\\]|\\.)*)' in parents and trashed = false$", q.get("q", [""])[0])
        if not m or m.group(1) != "folder-1":
            return h.send(404, json.dumps({"error": {"code": 404, "message": "File not found: folder."}}))
        start = int(q.get("pageToken", ["0"])[0])
        page = store.objects[start:start + PAGE]
        out = {"kind": "drive#fileList", "incompleteSearch": False, "files": [
            {"id": o["id"], "name": o["name"], "mimeType": "application/vnd.google-apps.folder"} if o["folder"] else
            {"id": o["id"], "name": o["name"], "mimeType": "application/zip", "size": str(o["size"]),
             "modifiedTime": "2026-12-04T00:00:00.000Z"} for o in page]}
        if start + PAGE < len(store.objects):
            out["nextPageToken"] = str(start + PAGE)
        return h.send(200, json.dumps(out))
    if rest.startswith("/drive/v3/files/") and method == "DELETE":
        if store.throttle_first_delete():
            return h.send(429, json.dumps({"error": {"code": 429, "message": "Rate Limit Exceeded", "errors": [
                {"domain": "usageLimits", "reason": "rateLimitExceeded", "message": "Rate Limit Exceeded"}]}}),
                headers={"Retry-After": "1"})
        if store.take(unquote(rest.rsplit("/", 1)[1])) is None:
            return h.send(404, json.dumps({"error": {"code": 404, "message": "File not found: %s." % rest}}))
        return h.send(204, "")
    return h.send(404, '{"error": {"code": 404, "message": "no such call"}}')


def dropbox(h, store, base, method, rest, q, payload, auth):
    req = json.loads(payload or b"null")
    if rest in ("/2/files/list_folder", "/2/files/list_folder/continue"):
        if rest == "/2/files/list_folder":
            if req.get("path", "").lower() != "/apps/bjlg":
                return h.send(409, json.dumps({"error_summary": "path/not_found/..",
                                               "error": {".tag": "path", "path": {".tag": "not_found"}}}))
            start = 0
        else:
            start = int(req["cursor"].split(":")[1])
        files = [o for o in store.objects if not o["folder"]]
        page = files[start:start + PAGE]
        return h.send(200, json.dumps({"entries": [
            {".tag": "file", "name": o["name"], "id": "id:" + o["id"], "size": o["size"], "rev": "a1c10ce0dd78",
             "path_lower": "/apps/bjlg/" + o["name"].lower(), "path_display": "/Apps/bjlg/" + o["name"],
             "client_modified": MTIME, "server_modified": MTIME, "is_downloadable": True} for o in page],
            "cursor": "c:%d" % (start + PAGE), "has_more": start + PAGE < len(files)}))
    if rest == "/2/files/delete_v2":
        if store.throttle_first_delete():
            return h.send(429, json.dumps({"error_summary": "too_many_requests/..", "error": {
                "reason": {".tag": "too_many_requests"}, "retry_after": 1}}), headers={"Retry-After": "1"})
        path = req.get("path", "")
        o = next((o for o in store.objects if "/apps/bjlg/" + o["name"].lower() == path.lower()), None)
        if o is None:
            return h.send(409, json.dumps({"error_summary": "path_lookup/not_found/..", "error": {
                ".tag": "path_lookup", "path_lookup": {".tag": "not_found"}}}))
        store.objects.remove(o)
        return h.send(200, json.dumps({"metadata": {".tag": "file", "name": o["name"], "id": "id:" + o["id"],
                                                    "path_display": path, "size": o["size"]}}))
    return h.send(400, "Unknown API function")


def onedrive(h, store, base, method, rest, q, payload, auth):
    root = "/v1.0/me/drive/root:/Backups/site:/children"
    paged = "/v1.0/me/drive/items/folder-1/children"
    if method == "GET" and rest in (root, paged):
        start = int(q.get("$skiptoken", ["0"])[0]) if rest == paged else 0
        page = store.objects[start:start + PAGE]
        out = {"value": [
            {"id": o["id"], "name": o["name"], "size": 0, "folder": {"childCount": 0}} if o["folder"] else
            {"id": o["id"], "name": o["name"], "size": o["size"], "lastModifiedDateTime": MTIME,
             "file": {"mimeType": "application/zip"}} for o in page]}
        if start + PAGE < len(store.objects):
            out["@odata.nextLink"] = base + paged + "?$skiptoken=%d" % (start + PAGE)
        return h.send(200, json.dumps(out))
    if method == "GET" and rest.startswith("/v1.0/me/drive/root:"):
        return h.send(404, json.dumps({"error": {"code": "itemNotFound", "message": "The resource could not be found."}}))
    if method == "DELETE" and rest.startswith("/v1.0/me/drive/items/"):
        if store.throttle_first_delete():
            return h.send(429, json.dumps({"error": {"code": "activityLimitReached", "message": "throttled"}}),
                          headers={"Retry-After": "1"})
        if store.take(unquote(rest.rsplit("/", 1)[1])) is None:
            return h.send(404, json.dumps({"error": {"code": "itemNotFound", "message": "Item not found"}}))
        return h.send(204, "")
    return h.send(400, json.dumps({"error": {"code": "invalidRequest", "message": "no such call"}}))


def pcloud(h, store, base, method, rest, q, payload, auth):
    if rest == "/listfolder":
        if q.get("path", [None])[0] != "/Backups" and q.get("folderid", [None])[0] != "1":
            return h.send(200, '{"result": 2005, "error": "Directory does not exist."}')
        return h.send(200, json.dumps({"result": 0, "metadata": {
            "name": "Backups", "isfolder": True, "folderid": 1, "path": "/Backups", "contents": [
                {"name": o["name"], "isfolder": True, "folderid": 100 + i} if o["folder"] else
                {"name": o["name"], "isfolder": False, "fileid": int(o["id"][1:]), "size": o["size"],
                 "modified": "Fri, 04 Dec 2026 00:00:00 +0000", "contenttype": "application/zip"}
                for i, o in enumerate(store.objects)]}}))
    if rest == "/deletefile":
        o = store.take("p%04d" % int(q.get("fileid", ["0"])[0]))
        if o is None:
            return h.send(200, '{"result": 2009, "error": "File not found."}')
        return h.send(200, json.dumps({"result": 0, "metadata": {"name": o["name"], "isdeleted": True,
                                                                 "fileid": int(o["id"][1:])}}))
    return h.send(200, '{"result": 1000, "error": "Log in required."}')
