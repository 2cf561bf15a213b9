/**
 * bench/admin/run.sh's measurements (run from wordpress/bjlg/admin, for its node_modules):
 * bundle bytes raw and gzip -9, against WordPress 6.1's own packages the bundle replaces and a
 * plain admin page; first render of each screen in Chromium. Prints Markdown.
 */
const fs = require( 'fs' );
const path = require( 'path' );
const zlib = require( 'zlib' );
const { execFileSync } = require( 'child_process' );
const oldPlugin = require( './old-plugin.js' );
const { chromium } = require(
	require.resolve( 'playwright-core', { paths: [ process.cwd() ] } )
);

const env = process.env;
const LOADS = Number( env.BJLG_BENCH_LOADS || 7 );
const BUILD = path.join( process.cwd(), 'build' );
const SCREENS = [
	[ 'Overview', 'bjlg' ],
	[ 'Schedule', 'bjlg-schedule' ],
	[ 'Backups', 'bjlg-backups' ],
	[ 'Storage', 'bjlg-storage' ],
	[ 'Incidents', 'bjlg-incidents' ],
];

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
const median = ( xs ) => {
	const s = [ ...xs ].sort( ( a, b ) => a - b );
	return s[ Math.floor( s.length / 2 ) ];
};

async function main() {
	const js = sizes( [ path.join( BUILD, 'index.js' ) ] );
	const css = sizes( [ path.join( BUILD, 'style-index.css' ) ] );
	const core = JSON.parse(
		execFileSync( 'php', [
			path.join( __dirname, 'core-deps.php' ),
			env.BJLG_BENCH_WP,
		] ).toString()
	);
	const coreJs = sizes( core.scripts );
	const coreCss = sizes( core.styles );

	const browser = await chromium.launch( {
		executablePath: env.BJLG_CHROMIUM,
	} );
	const page = await browser.newPage( {
		baseURL: env.BJLG_BENCH_BASE,
		viewport: { width: 1280, height: 900 },
	} );
	await page.goto( '/wp-login.php' );
	await page.fill( '#user_login', env.BJLG_BENCH_USER );
	await page.fill( '#user_pass', env.BJLG_BENCH_PASSWORD );
	await Promise.all( [
		page.waitForURL( /wp-admin/ ),
		page.click( '#wp-submit' ),
	] );

	/**
	 * One load: ms from navigation start to `selector` drawn, and the JS/CSS bytes the page
	 * received (decoded: php -S does not compress).
	 * @param {string} url
	 * @param {string} selector
	 */
	async function load( url, selector ) {
		await page.goto( url, { waitUntil: 'commit' } );
		await page.waitForSelector( selector, { state: 'visible' } );
		return page.evaluate( () => {
			const resources = performance.getEntriesByType( 'resource' );
			// By how the page asked for it: core's admin pages concatenate their files through
			// load-scripts.php and load-styles.php, whose names do not end in .js or .css.
			const bytes = ( type ) =>
				resources
					.filter( ( r ) => r.initiatorType === type )
					.reduce( ( s, r ) => s + r.decodedBodySize, 0 );
			return {
				ms: performance.now(),
				js: bytes( 'script' ),
				css: bytes( 'link' ),
			};
		} );
	}
	async function measure( url, selector ) {
		await load( url, selector ); // warm-up: caches, opcache
		const runs = [];
		for ( let i = 0; i < LOADS; i++ ) {
			runs.push( await load( url, selector ) );
		}
		return {
			ms: median( runs.map( ( r ) => r.ms ) ),
			min: Math.min( ...runs.map( ( r ) => r.ms ) ),
			max: Math.max( ...runs.map( ( r ) => r.ms ) ),
			js: runs[ 0 ].js,
			css: runs[ 0 ].css,
		};
	}
	// The plain admin page: drawn when its form is.
	const plain = await measure(
		'/wp-admin/options-general.php',
		'#blogname'
	);
	const screens = [];
	for ( const [ name, slug ] of SCREENS ) {
		screens.push( [
			name,
			await measure(
				`/wp-admin/admin.php?page=${ slug }`,
				'#bjlg-admin-root .bjlg-admin'
			),
		] );
	}
	await browser.close();

	const out = [];
	out.push( '## Bundle weight' );
	out.push( '' );
	out.push( '| what | JS KiB | JS gzip KiB | CSS KiB | CSS gzip KiB |' );
	out.push( '|---|---:|---:|---:|---:|' );
	out.push(
		`| bjlg admin bundle (\`admin/build/index.js\`, \`style-index.css\`): every screen | ${ kib( js.raw ) } | ${ kib( js.gzip ) } | ${ kib( css.raw ) } | ${ kib( css.gzip ) } |`
	);
	out.push(
		`| WordPress 6.1's own react, react-dom, wp-components, wp-data, wp-element and their dependencies (${ core.scripts.length } scripts, ${ core.styles.length } styles, .min files), what the screens would load from core instead | ${ kib( coreJs.raw ) } | ${ kib( coreJs.gzip ) } | ${ kib( coreCss.raw ) } | ${ kib( coreCss.gzip ) } |`
	);
	out.push(
		`| ratio bundle / core packages | ${ ( js.raw / coreJs.raw ).toFixed( 2 ) } | ${ ( js.gzip / coreJs.gzip ).toFixed( 2 ) } | ${ ( css.raw / coreCss.raw ).toFixed( 2 ) } | ${ ( css.gzip / coreCss.gzip ).toFixed( 2 ) } |`
	);
	out.push( ...oldPlugin.rows( env.BJLG_BENCH_WP, BUILD ) );
	out.push( '' );
	out.push( '## First render, and what each page received' );
	out.push( '' );
	out.push(
		`Median of ${ LOADS } loads after a warm-up (min–max), navigation start to the screen drawn with its data (\`#bjlg-admin-root .bjlg-admin\`: the REST answers included); for the plain page, to its form. Bytes: every JS and CSS file the page received, core's included (decoded sizes).`
	);
	out.push( '' );
	out.push(
		'| page | first render ms | min–max ms | JS KiB | CSS KiB | ratio ms to plain page |'
	);
	out.push( '|---|---:|---:|---:|---:|---:|' );
	const row = ( name, r ) =>
		`| ${ name } | ${ r.ms.toFixed( 0 ) } | ${ r.min.toFixed( 0 ) }–${ r.max.toFixed( 0 ) } | ${ kib( r.js ) } | ${ kib( r.css ) } | ${ ( r.ms / plain.ms ).toFixed( 2 ) } |`;
	out.push( row( 'Settings > General (plain WordPress admin page)', plain ) );
	for ( const [ name, r ] of screens ) {
		out.push( row( name, r ) );
	}
	out.push( '' );
	out.push(
		'**The old plugin’s admin page** (rows “old plugin admin page” above): its own files’ weight comes from the stored copy of its repository (`bench/admin/old-plugin-page.json`: JLG-WOCFR-DEV/WP-Backup, the enqueue list read at commit 0232b59, each file’s commit listed), counted in characters (a lower bound of its bytes), without gzip since its text is not kept here; the core scripts it enqueues are measured on disk from the same WordPress. Its first render cannot be measured here: the old plugin cannot run on this machine without its whole code, which is not here. The first-render figures above are ours, measured in this run.'
	);
	console.log( out.join( '\n' ) );
}

main().catch( ( e ) => {
	console.error( e );
	process.exit( 1 );
} );
