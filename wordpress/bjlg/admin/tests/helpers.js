/**
 * What every admin test does: log in, collect console errors, run axe, take the screenshots.
 */
const path = require( 'path' );
const { expect } = require( '@playwright/test' );
const AxeBuilder = require( '@axe-core/playwright' ).default;

const SHOTS =
	process.env.BJLG_ADMIN_SHOTS ||
	path.resolve( __dirname, '../../../../build/admin-screens' );

async function logIn(
	page,
	user = process.env.BJLG_ADMIN_USER,
	password = process.env.BJLG_ADMIN_PASSWORD
) {
	// Straight to the plugin: WordPress 6.1's dashboard throws in its events widget offline
	// (dashboard.min.js, getEvents), an error of the test machine, not of these screens.
	await page.goto(
		'/wp-login.php?redirect_to=' +
			encodeURIComponent( '/wp-admin/admin.php?page=bjlg' )
	);
	await page.fill( '#user_login', user );
	await page.fill( '#user_pass', password );
	await Promise.all( [
		page.waitForURL( /page=bjlg/ ),
		page.click( '#wp-submit' ),
	] );
}

/**
 * Errors the page logs or throws, from now on. A 400 answer of the schedule and settings routes
 * is how they refuse an expression or a setting (the screen shows the reason); Chromium logs every 4xx as an error, so
 * those, and only those, are not counted.
 * @param {import("@playwright/test").Page} page The page.
 */
function watchConsole( page ) {
	const errors = [];
	page.on( 'console', ( message ) => {
		const refusal =
			/status of 400/.test( message.text() ) &&
			/bjlg(\/|%2F)v1(\/|%2F)(schedule|settings)/.test(
				message.location().url
			);
		if ( message.type() === 'error' && ! refusal ) {
			errors.push( `${ message.text() } (${ message.location().url })` );
		}
	} );
	page.on( 'pageerror', ( error ) =>
		errors.push( `${ error }\n${ error.stack }` )
	);
	return errors;
}

async function openScreen( page, slug ) {
	await page.goto( `/wp-admin/admin.php?page=${ slug }` );
	await expect(
		page.locator( '#bjlg-admin-root .bjlg-admin' )
	).toBeVisible();
}

/**
 * The overlays @wordpress/components draws a card's shadow and an input's border with: empty,
 * transparent, pointer-events none, over the content. axe cannot tell the background behind
 * them and leaves the contrast of everything under them "incomplete", i.e. unchecked.
 */
const OVERLAYS = '.components-elevation, .components-input-control__backdrop';

/**
 * axe on the whole admin page: violations of serious or critical impact fail the test. Colour
 * contrast is checked in a second pass with the decorative overlays hidden, and must then be
 * decided for every element of the screen.
 *
 * @param {import("@playwright/test").Page} page The page.
 */
async function expectAccessible( page ) {
	const all = await new AxeBuilder( { page } ).analyze();
	// The whole screen in the viewport: axe leaves an element cut by its edge undecided.
	const viewport = page.viewportSize();
	const height = await page.evaluate( () => document.body.scrollHeight );
	await page.setViewportSize( {
		width: viewport.width,
		height: Math.max( viewport.height, height ),
	} );
	const overlays = await page.addStyleTag( {
		content: `${ OVERLAYS } { display: none !important; }`,
	} );
	const contrast = await new AxeBuilder( { page } )
		.include( '#bjlg-admin-root' )
		.withRules( [ 'color-contrast' ] )
		.analyze();
	await overlays.evaluate( ( element ) => element.remove() );
	await page.setViewportSize( viewport );
	const severe = [ ...all.violations, ...contrast.violations ]
		.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
		.map(
			( v ) =>
				`${ v.impact } ${ v.id }: ${ v.help } (${ v.nodes
					.map( ( n ) => n.target.join( ' ' ) )
					.join( ', ' ) })`
		);
	expect( severe, 'axe violations of serious or critical impact' ).toEqual(
		[]
	);
	const undecided = contrast.incomplete.flatMap( ( v ) =>
		v.nodes.map(
			( n ) => `${ n.target.join( ' ' ) }: ${ n.any[ 0 ]?.message }`
		)
	);
	expect( undecided, 'colour contrast axe could not decide' ).toEqual( [] );
}

/**
 * Full-page screenshots at 1280 px and 360 px; axe runs at both widths.
 * @param {import("@playwright/test").Page} page The page.
 * @param {string}                          name The screenshots' name.
 */
async function screenshots( page, name ) {
	for ( const width of [ 1280, 360 ] ) {
		await page.setViewportSize( { width, height: 900 } );
		await expectAccessible( page );
		// Scrolled down, the fixed admin bar and menu would be drawn mid-page in a full shot.
		await page.evaluate( () => window.scrollTo( 0, 0 ) );
		await page.screenshot( {
			path: path.join( SHOTS, `${ name }-${ width }.png` ),
			fullPage: true,
		} );
	}
	await page.setViewportSize( { width: 1280, height: 900 } );
}

/**
 * Waits until the job a panel watches (components/job-progress.js) has ended, and returns every
 * state line the panel showed meanwhile. WP-Cron runs the job: spawn_cron()'s request from the
 * REST call that queued it; the test site has DISABLE_WP_CRON, and on the loaded machine that
 * request (10 ms to be sent) may be lost, so while the job is still queued the test requests
 * wp-cron.php itself every few seconds, as a system cron would (WordPress runs it at most once a
 * minute while its cron lock is held).
 *
 * @param {import("@playwright/test").Page}    page  The page.
 * @param {import("@playwright/test").Locator} panel The job's panel (data-testid bjlg-job-KIND).
 * @param {number}                             limit Milliseconds.
 * @return {Promise<{seen: string[], progressBar: boolean}>} The state lines, and whether the progress bar was seen.
 */
async function finishJob( page, panel, limit = 150_000 ) {
	const state = panel.locator( 'p' ).first();
	const seen = [];
	let progressBar = false;
	let lastKick = Date.now();
	const deadline = Date.now() + limit;
	while ( Date.now() < deadline ) {
		const text = ( await state.textContent().catch( () => '' ) ) || '';
		if ( text && seen[ seen.length - 1 ] !== text ) {
			seen.push( text );
		}
		progressBar =
			progressBar ||
			( await panel.getByRole( 'progressbar' ).count() ) > 0;
		if ( /: (done|failed|cancelled)\.$/.test( text ) ) {
			return { seen, progressBar };
		}
		if ( /queued/.test( text ) && Date.now() - lastKick > 5000 ) {
			lastKick = Date.now();
			await page.request.get( '/wp-cron.php', { timeout: limit } );
		}
		await page.waitForTimeout( 250 );
	}
	throw new Error( `the job did not end; states seen: ${ seen.join( ' | ' ) }` );
}

module.exports = {
	finishJob,
	logIn,
	watchConsole,
	openScreen,
	expectAccessible,
	screenshots,
};
