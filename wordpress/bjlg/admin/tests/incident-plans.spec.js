/**
 * Incident action plans (tests/wordpress/run-admin.sh: an open backup-failure incident and a
 * resolved one, tests/wordpress/admin-site.php): on the open incident, an item is added with an
 * owner and a due date and marked done; an item past its due date is shown overdue; the plan is
 * kept on the server (read again after a reload) and in the incident's timeline.
 */
const { test, expect } = require( '@playwright/test' );
const { logIn, watchConsole, openScreen, screenshots } = require( './helpers' );

test.beforeEach( async ( { page } ) => {
	await logIn( page );
} );

/** YYYY-MM-DD, $days from today (UTC; two days ahead is tomorrow or later in Europe/Paris). */
function day( days ) {
	return new Date( Date.now() + days * 86400_000 ).toISOString().slice( 0, 10 );
}

test( 'incidents: an action plan with owners and due dates; done and overdue items', async ( {
	page,
} ) => {
	const errors = watchConsole( page );
	await openScreen( page, 'bjlg-incidents' );
	const incident = page.getByTestId( 'bjlg-incident' ).first();
	await expect( incident ).toContainText( 'open, not acknowledged' );
	await expect( incident ).toContainText( 'No action yet.' );
	const add = incident.getByRole( 'button', { name: 'Add the action' } );
	await expect( add ).toBeDisabled(); // No title yet.

	const due = day( 2 );
	await incident.getByLabel( 'New action' ).fill( 'Free space on the disk (test)' );
	await incident.getByLabel( 'Owner' ).selectOption( 'admin' );
	await incident.getByLabel( 'Due date' ).fill( due );
	await add.click();
	const items = incident.getByTestId( 'bjlg-action' );
	await expect( items ).toHaveCount( 1 );
	await expect( items.first() ).toHaveText(
		new RegExp( `^Free space on the disk \\(test\\) — admin, due ${ due } \\(to do\\)` )
	);
	await expect( incident.getByLabel( 'New action' ) ).toHaveValue( '' );

	// An item whose due date has passed, and nobody owns.
	await incident.getByLabel( 'New action' ).fill( 'Write the post-mortem (test)' );
	await incident.getByLabel( 'Owner' ).selectOption( '' );
	await incident.getByLabel( 'Due date' ).fill( '2020-01-31' );
	await incident.getByRole( 'button', { name: 'Add the action' } ).click();
	await expect( items ).toHaveCount( 2 );
	const late = items.filter( { hasText: 'Write the post-mortem (test)' } );
	await expect( late ).toContainText(
		'no owner, due 2020-01-31 (to do) Overdue'
	);
	await expect( late ).toHaveClass( /bjlg-action--overdue/ );
	await expect( incident ).toContainText( '1 action is overdue.' );

	// Marked done: no longer to do, no button; the timeline says who did it.
	await incident
		.getByRole( 'button', { name: 'Mark done: Free space on the disk (test)' } )
		.click();
	const done = items.filter( { hasText: 'Free space on the disk (test)' } );
	await expect( done ).toContainText( '(done)' );
	await expect( done.getByRole( 'button' ) ).toHaveCount( 0 );
	await expect( incident.locator( '.bjlg-timeline' ) ).toContainText(
		'Action updated: Free space on the disk (test) [done]'
	);

	// Kept on the server.
	await page.reload();
	await expect( page.locator( '#bjlg-admin-root .bjlg-admin' ) ).toBeVisible();
	const again = page.getByTestId( 'bjlg-incident' ).first();
	await expect( again.getByTestId( 'bjlg-action' ) ).toHaveCount( 2 );
	await expect(
		again.getByTestId( 'bjlg-action' ).filter( { hasText: 'Free space' } )
	).toContainText( '(done)' );
	await expect(
		again.getByTestId( 'bjlg-action' ).filter( { hasText: 'post-mortem' } )
	).toContainText( 'Overdue' );
	await screenshots( page, 'incidents-plan' );
	expect( errors ).toEqual( [] );
} );
