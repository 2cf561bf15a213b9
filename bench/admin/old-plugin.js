/**
 * The old plugin's admin page against the bjlg bundle, from stored reference data
 * (old-plugin-page.json: the old page's own files, their sizes read from the repository's
 * stored copy) and WordPress's own files on disk (the core scripts each page enqueues, with
 * every dependency WordPress 6.1 would pull: wp-includes/assets/script-loader-packages.php for
 * the wp-* packages, wp_default_packages_vendor() and wp_default_scripts() for the vendor
 * scripts and jQuery). Nothing is served or timed here.
 *
 * As a module: rows( wpDir, buildDir ) returns Markdown table rows for bench/admin/measure.js.
 * From the command line: node bench/admin/old-plugin.js WP_DIR BUILD_DIR prints them.
 */
const fs = require( 'fs' );
const path = require( 'path' );
const zlib = require( 'zlib' );
const { execFileSync } = require( 'child_process' );

const DATA = require( './old-plugin-page.json' );

// wp-includes/script-loader.php (WordPress 6.1): handles that are not wp-* packages.
const VENDOR = {
	react: [ 'js/dist/vendor/react.min.js', [ 'wp-polyfill' ] ],
	'react-dom': [ 'js/dist/vendor/react-dom.min.js', [ 'react' ] ],
	'regenerator-runtime': [ 'js/dist/vendor/regenerator-runtime.min.js', [] ],
	moment: [ 'js/dist/vendor/moment.min.js', [] ],
	lodash: [ 'js/dist/vendor/lodash.min.js', [] ],
	'wp-polyfill': [
		'js/dist/vendor/wp-polyfill.min.js',
		[ 'regenerator-runtime' ],
	],
	jquery: [ null, [ 'jquery-core', 'jquery-migrate' ] ],
	'jquery-core': [ 'js/jquery/jquery.min.js', [] ],
	'jquery-migrate': [ 'js/jquery/jquery-migrate.min.js', [] ],
};

function packages( wpDir ) {
	const file = path.join(
		wpDir,
		'wp-includes/assets/script-loader-packages.php'
	);
	return JSON.parse(
		execFileSync( 'php', [
			'-r',
			'echo json_encode(include $argv[1]);',
			file,
		] ).toString()
	);
}

/** Files (paths under wp-includes) of handles and all their dependencies. */
function closure( wpDir, handles ) {
	const pkgs = packages( wpDir );
	const seen = new Set();
	const files = [];
	const visit = ( handle ) => {
		if ( seen.has( handle ) ) {
			return;
		}
		seen.add( handle );
		let file;
		let deps;
		if ( VENDOR[ handle ] ) {
			[ file, deps ] = VENDOR[ handle ];
		} else if ( handle.startsWith( 'wp-' ) ) {
			const key = handle.slice( 3 ) + '.js';
			if ( ! pkgs[ key ] ) {
				throw new Error( `old-plugin.js: unknown core handle ${ handle }` );
			}
			file = `js/dist/${ handle.slice( 3 ) }.min.js`;
			deps = pkgs[ key ].dependencies || [];
		} else {
			throw new Error( `old-plugin.js: unknown core handle ${ handle }` );
		}
		deps.forEach( visit );
		if ( file ) {
			files.push( path.join( wpDir, 'wp-includes', file ) );
		}
	};
	handles.forEach( visit );
	return files;
}

const gz = ( file ) =>
	zlib.gzipSync( fs.readFileSync( file ), { level: 9 } ).length;
const sizes = ( files ) =>
	files.reduce(
		( sum, f ) => ( {
			raw: sum.raw + fs.statSync( f ).size,
			gzip: sum.gzip + gz( f ),
		} ),
		{ raw: 0, gzip: 0 }
	);
const kib = ( n ) => ( n / 1024 ).toFixed( 1 );

function compare( wpDir, buildDir ) {
	const own = { js: 0, css: 0 };
	for ( const f of DATA.files ) {
		own[ f.kind ] += f.chars;
	}
	const oldCore = closure( wpDir, DATA.core_handles );
	const ourCore = closure( wpDir, DATA.our_core_handles );
	return {
		own,
		oldCore,
		oldCoreSize: sizes( oldCore ),
		ourCore,
		ourCoreSize: sizes( ourCore ),
		ourJs: sizes( [ path.join( buildDir, 'index.js' ) ] ),
		ourCss: sizes( [ path.join( buildDir, 'style-index.css' ) ] ),
	};
}

function rows( wpDir, buildDir ) {
	const c = compare( wpDir, buildDir );
	const commit = DATA.enqueue.commit.slice( 0, 7 );
	const oldJs = c.own.js + c.oldCoreSize.raw;
	const ourJs = c.ourJs.raw + c.ourCoreSize.raw;
	return [
		`| old plugin admin page (scripts + styles): its own files (${ DATA.files.length }: admin.js, admin-dashboard.js, admin-logs.js, admin.css, admin-advanced.css; characters, from ${ DATA.repository } at ${ commit }, bench/admin/old-plugin-page.json) | ${ kib( c.own.js ) } | n/a | ${ kib( c.own.css ) } | n/a |`,
		`| old plugin admin page (scripts + styles): its own files plus the core scripts it enqueues (${ DATA.core_handles.join( ', ' ) }: ${ c.oldCore.length } files with their dependencies, .min) | ${ kib( oldJs ) } | n/a | ${ kib( c.own.css ) } | n/a |`,
		`| bjlg admin page on the same footing: the bundle plus the core scripts it enqueues (${ DATA.our_core_handles.join( ', ' ) }: ${ c.ourCore.length } files with their dependencies, .min) | ${ kib( ourJs ) } | ${ kib( c.ourJs.gzip + c.ourCoreSize.gzip ) } | ${ kib( c.ourCss.raw ) } | ${ kib( c.ourCss.gzip ) } |`,
		`| ratio bjlg / old plugin admin page (own files; with core scripts) | ${ ( c.ourJs.raw / c.own.js ).toFixed( 2 ) }; ${ ( ourJs / oldJs ).toFixed( 2 ) } | n/a | ${ ( c.ourCss.raw / c.own.css ).toFixed( 2 ) } | n/a |`,
	];
}

module.exports = { rows, compare, closure };

if ( require.main === module ) {
	const [ wpDir, buildDir ] = process.argv.slice( 2 );
	if ( ! wpDir || ! buildDir ) {
		process.stderr.write(
			'usage: node bench/admin/old-plugin.js WP_DIR BUILD_DIR\n'
		);
		process.exit( 2 );
	}
	console.log( rows( wpDir, buildDir ).join( '\n' ) );
}
