<?php
// Local stand-in for providers, for the phpt tests: Dropbox, OneDrive and B2 native answers as
// documented, a WebDAV quota answer, garbage, and a stall. Started by server.inc.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$auth = $_SERVER['HTTP_AUTHORIZATION'] ?? '';
header('Content-Type: application/json');
if (str_starts_with($path, '/stall/')) {
    sleep(5);
    exit;
}
if (str_starts_with($path, '/garbage/')) {
    echo "not json at all {";
    exit;
}
if ($path === '/ok/2/users/get_space_usage' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    if ($auth !== 'Bearer phpt-token') {
        http_response_code(401);
        echo '{"error_summary": "invalid_access_token/..", "error": {".tag": "invalid_access_token"}}';
        exit;
    }
    echo json_encode(['used' => 1000, 'allocation' => ['.tag' => 'individual', 'allocated' => 5000]]);
    exit;
}
if ($path === '/ok/v1.0/me/drive') {
    echo json_encode(['quota' => ['used' => 7, 'total' => 0, 'remaining' => 0, 'state' => 'normal']]);
    exit;
}
if ($path === '/dav/' && $_SERVER['REQUEST_METHOD'] === 'PROPFIND') {
    header('Content-Type: application/xml; charset=utf-8');
    http_response_code(207);
    echo '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/</d:href><d:propstat><d:prop>'
        . '<d:quota-available-bytes>600</d:quota-available-bytes><d:quota-used-bytes>400</d:quota-used-bytes>'
        . '</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>';
    exit;
}
// Backblaze B2 native: authorize (key id "kid", application key "phpt-app-key"), list_buckets by
// name, list_file_versions of bucket "bkt-1" (one page: 300 + 200 bytes, a hide marker).
if ($path === '/b2/b2api/v2/b2_authorize_account') {
    if ($auth !== 'Basic ' . base64_encode('kid:phpt-app-key')) {
        http_response_code(401);
        echo '{"status": 401, "code": "unauthorized", "message": ""}';
        exit;
    }
    $base = 'http://' . $_SERVER['HTTP_HOST'] . '/b2';
    echo json_encode(['accountId' => 'acct-1', 'authorizationToken' => 'b2-phpt-token', 'apiUrl' => $base]);
    exit;
}
if (str_starts_with($path, '/b2/b2api/v2/') && $auth !== 'b2-phpt-token') {
    http_response_code(401);
    echo '{"status": 401, "code": "bad_auth_token", "message": ""}';
    exit;
}
$req = json_decode(file_get_contents('php://input') ?: '{}', true);
if ($path === '/b2/b2api/v2/b2_list_buckets' && ($req['accountId'] ?? '') === 'acct-1') {
    $buckets = [['accountId' => 'acct-1', 'bucketId' => 'bkt-1', 'bucketName' => 'site-backups', 'bucketType' => 'allPrivate']];
    $name = $req['bucketName'] ?? null;
    echo json_encode(['buckets' => array_values(array_filter($buckets, fn($b) => $name === null || $b['bucketName'] === $name))]);
    exit;
}
if ($path === '/b2/b2api/v2/b2_list_file_versions' && ($req['bucketId'] ?? '') === 'bkt-1') {
    echo json_encode(['files' => [
        ['fileName' => 'a.zip', 'fileId' => '1', 'contentLength' => 300, 'action' => 'upload'],
        ['fileName' => 'a.zip', 'fileId' => '2', 'contentLength' => 200, 'action' => 'upload'],
        ['fileName' => 'b.zip', 'fileId' => '3', 'contentLength' => 0, 'action' => 'hide'],
    ], 'nextFileName' => null, 'nextFileId' => null]);
    exit;
}
http_response_code(404);
echo '{"error": "not found"}';
