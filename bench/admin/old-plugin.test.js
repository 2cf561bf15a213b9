/**
 * node bench/admin/old-plugin.test.js [WP_DIR]: the old-plugin comparison's dependency walk and
 * rows, on Debian's WordPress (default /usr/share/wordpress) and a throwaway build directory.
 */
const assert = require( 'assert' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const { closure, compare, rows } = require( './old-plugin.js' );
const DATA = require( './old-plugin-page.json' );

const wp = process.argv[ 2 ] || '/usr/share/wordpress';
const rel = ( files ) =>
	files.map( ( f ) => path.relative( path.join( wp, 'wp-includes' ), f ) );

// jquery is an alias: its two files, core first.
assert.deepStrictEqual( rel( closure( wp, [ 'jquery' ] ) ), [
	'js/jquery/jquery.min.js',
	'js/jquery/jquery-migrate.min.js',
] );

// wp-a11y pulls its dependencies before itself, each once.
const a11y = rel( closure( wp, [ 'wp-a11y', 'wp-i18n' ] ) );
assert.deepStrictEqual( a11y, [
	'js/dist/vendor/regenerator-runtime.min.js',
	'js/dist/vendor/wp-polyfill.min.js',
	'js/dist/dom-ready.min.js',
	'js/dist/hooks.min.js',
	'js/dist/i18n.min.js',
	'js/dist/a11y.min.js',
] );

// wp-components brings React and wp-data (through wp-compose / wp-rich-text).
const components = rel( closure( wp, [ 'wp-components' ] ) );
for ( const f of [
	'js/dist/vendor/react.min.js',
	'js/dist/vendor/react-dom.min.js',
	'js/dist/data.min.js',
	'js/dist/components.min.js',
] ) {
	assert.ok( components.includes( f ), `${ f } in wp-components' closure` );
}
assert.strictEqual( new Set( components ).size, components.length );
for ( const f of closure( wp, DATA.core_handles ) ) {
	assert.ok( fs.statSync( f ).size > 0, `${ f } exists` );
}

// An unknown handle is refused by name, not silently counted as zero.
assert.throws(
	() => closure( wp, [ 'no-such-handle' ] ),
	/unknown core handle no-such-handle/
);

// Rows: our side is the bundle's bytes plus its core scripts; the old side the stored chars.
const build = fs.mkdtempSync( path.join( os.tmpdir(), 'bjlg-old-plugin-' ) );
try {
	fs.writeFileSync( path.join( build, 'index.js' ), 'x'.repeat( 300000 ) );
	fs.writeFileSync( path.join( build, 'style-index.css' ), 'y'.repeat( 48000 ) );
	const c = compare( wp, build );
	const ownJs = DATA.files
		.filter( ( f ) => f.kind === 'js' )
		.reduce( ( s, f ) => s + f.chars, 0 );
	assert.strictEqual( c.own.js, ownJs );
	assert.strictEqual( c.own.css, 5290 + 18951 );
	assert.strictEqual( c.ourJs.raw, 300000 );
	const r = rows( wp, build );
	assert.strictEqual( r.length, 4 );
	assert.match( r[ 0 ], /^\| old plugin admin page \(scripts \+ styles\)/ );
	assert.match( r[ 0 ], /JLG-WOCFR-DEV\/WP-Backup at 0232b59/ );
	const ratioOwn = ( 300000 / ownJs ).toFixed( 2 );
	const ratioAll = (
		( 300000 + c.ourCoreSize.raw ) /
		( ownJs + c.oldCoreSize.raw )
	).toFixed( 2 );
	assert.ok(
		r[ 3 ].startsWith( `| ratio bjlg / old plugin admin page (own files; with core scripts) | ${ ratioOwn }; ${ ratioAll } |` ),
		r[ 3 ]
	);
	assert.ok( r[ 3 ].includes( `| ${ ( 48000 / c.own.css ).toFixed( 2 ) } |` ), r[ 3 ] );
} finally {
	fs.rmSync( build, { recursive: true } );
}
console.log( 'old-plugin.test.js: ok' );
