<?php
// Reads {"messages": [...], "options": {...}} on standard input, sends them with
// Bjlg\Notify\Dispatcher::send() and prints the results as JSON (tests/notify/integration.py).
declare(strict_types=1);

$input = json_decode(stream_get_contents(STDIN), true, 64, JSON_THROW_ON_ERROR);
$started = microtime(true);
try {
    $results = Bjlg\Notify\Dispatcher::send($input['messages'], $input['options'] ?? []);
} catch (Bjlg\Notify\NotifyException $e) {
    echo json_encode(['exception' => get_class($e), 'message' => $e->getMessage()]), "\n";
    exit(0);
}
echo json_encode(['results' => $results, 'elapsed_ms' => (int) round((microtime(true) - $started) * 1000)]), "\n";
