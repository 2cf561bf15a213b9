/**
 * **Back up every site** on the Network screen: POST /network/backups (class-network-backups.php)
 * queues one backup job in each site, which WP-Cron runs one after the other on the main site;
 * the answer lists each site's job. The sites' table is read again afterwards (its Running
 * column).
 */
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { STORE } from '../store';

export function NetworkBackup( { sites } ) {
	const { reload } = useDispatch( STORE );
	const [ busy, setBusy ] = useState( false );
	const [ outcome, setOutcome ] = useState( null );
	const nameOf = ( id ) =>
		sites.find( ( site ) => site.blog_id === id )?.name ?? String( id );

	const start = async () => {
		setBusy( true );
		setOutcome( null );
		try {
			const answer = await apiFetch( {
				path: '/bjlg/v1/network/backups',
				method: 'POST',
				data: { mode: 'background' },
			} );
			setOutcome( { ok: true, jobs: answer.jobs } );
			reload( 'network' );
		} catch ( error ) {
			setOutcome( { ok: false, error } );
		}
		setBusy( false );
	};

	return (
		<div className="bjlg-network-backup">
			<Button
				variant="primary"
				onClick={ start }
				disabled={ busy }
				isBusy={ busy }
				__next40pxDefaultSize
			>
				{ __( 'Back up every site', 'bjlg' ) }
			</Button>
			<div aria-live="polite" data-testid="bjlg-network-backup">
				{ outcome?.ok && (
					<Notice status="success" isDismissible={ false }>
						<p>
							{ sprintf(
								/* translators: %d: number of backup jobs. */
								_n(
									'%d backup job queued; WP-Cron runs them one site after the other:',
									'%d backup jobs queued; WP-Cron runs them one site after the other:',
									outcome.jobs.length,
									'bjlg'
								),
								outcome.jobs.length
							) }
						</p>
						<ul>
							{ outcome.jobs.map( ( pair ) => (
								<li key={ pair.blog_id }>
									{ sprintf(
										/* translators: 1: site name, 2: site id, 3: job id. */
										__(
											'%1$s (site %2$d): job %3$d',
											'bjlg'
										),
										nameOf( pair.blog_id ),
										pair.blog_id,
										pair.job_id
									) }
								</li>
							) ) }
						</ul>
					</Notice>
				) }
				{ outcome && ! outcome.ok && (
					<Notice status="error" isDismissible={ false }>
						{ sprintf(
							/* translators: %s: why the backups were not started. */
							__( 'Not started: %s', 'bjlg' ),
							outcome.error.message
						) }
					</Notice>
				) }
			</div>
		</div>
	);
}
