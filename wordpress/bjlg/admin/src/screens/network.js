/**
 * The network (multisite, network admin, super admins only): every site's status in one table
 * from GET /network/status (class-rest-network.php), with the network's totals. Each site's
 * figures are the ones its own Overview shows. **Back up every site** (network-backup.js).
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { useSelect } from '@wordpress/data';
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { STORE } from '../store';
import { formatBytes } from '../format';
import { NotLoaded } from '../components/not-loaded';
import { NetworkBackup } from '../components/network-backup';

function lastBackup( status ) {
	const last = status.last_backup;
	if ( ! last ) {
		return __( 'Never backed up', 'bjlg' );
	}
	return last.status === 'success'
		? sprintf(
				/* translators: %s: date and time in the site's zone. */
				__( 'Succeeded %s', 'bjlg' ),
				last.timestamp
			)
		: sprintf(
				/* translators: 1: date and time in the site's zone, 2: why it failed. */
				__( 'Failed %1$s: %2$s', 'bjlg' ),
				last.timestamp,
				last.details
			);
}

function schedule( status ) {
	const s = status.schedule;
	if ( ! s.enabled ) {
		return __( 'No schedule', 'bjlg' );
	}
	const missed = s.missed_total
		? sprintf(
				/* translators: %d: number of missed runs. */
				_n(
					', %d run missed',
					', %d runs missed',
					s.missed_total,
					'bjlg'
				),
				s.missed_total
			)
		: '';
	return sprintf(
		/* translators: 1: cron expression, 2: time zone, 3: runs missed (or nothing). */
		__( '%1$s in %2$s%3$s', 'bjlg' ),
		s.cron,
		s.timezone,
		missed
	);
}

function Totals( { totals } ) {
	return (
		<ul className="bjlg-network-totals">
			<li>
				{ sprintf(
					/* translators: 1: number of sites, 2: number of archives, 3: their size. */
					_n(
						'%1$d site, %2$d archives, %3$s.',
						'%1$d sites, %2$d archives, %3$s.',
						totals.sites,
						'bjlg'
					),
					totals.sites,
					totals.archives,
					formatBytes( totals.bytes )
				) }
			</li>
			<li>
				{ sprintf(
					/* translators: 1: sites with a schedule, 2: sites whose backups are encrypted. */
					__( 'Scheduled: %1$d; encrypted: %2$d.', 'bjlg' ),
					totals.scheduled,
					totals.encrypted
				) }
			</li>
			<li>
				{ sprintf(
					/* translators: 1: sites whose last backup failed, 2: sites never backed up, 3: scheduled runs missed. */
					__(
						'Last backup failed: %1$d; never backed up: %2$d; runs missed: %3$d.',
						'bjlg'
					),
					totals.last_backup_failed.length,
					totals.never_backed_up.length,
					totals.missed_runs
				) }
			</li>
		</ul>
	);
}

export function NetworkScreen() {
	const { network, error } = useSelect(
		( select ) => ( {
			network: select( STORE ).getNetwork(),
			error: select( STORE ).getError( 'network' ),
		} ),
		[]
	);
	if ( error || ! network ) {
		return <NotLoaded error={ error } />;
	}
	return (
		<div className="bjlg-admin bjlg-admin--wide">
			<Card>
				<CardHeader>
					<h2>{ __( 'Network totals', 'bjlg' ) }</h2>
				</CardHeader>
				<CardBody>
					<Totals totals={ network.totals } />
					<NetworkBackup sites={ network.sites } />
				</CardBody>
			</Card>
			<table className="bjlg-table" data-testid="bjlg-network-sites">
				<caption className="screen-reader-text">
					{ __( 'Every site of the network', 'bjlg' ) }
				</caption>
				<thead>
					<tr>
						<th scope="col">{ __( 'Site', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Archives', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Last backup', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Schedule', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Encryption', 'bjlg' ) }</th>
						<th scope="col">{ __( 'Running', 'bjlg' ) }</th>
					</tr>
				</thead>
				<tbody>
					{ network.sites.map( ( site ) => (
						<tr key={ site.blog_id }>
							<td data-label={ __( 'Site', 'bjlg' ) }>
								<a
									href={ `${ site.url }wp-admin/admin.php?page=bjlg` }
								>
									{ site.name }
								</a>{ ' ' }
								<span className="bjlg-name">
									{ sprintf(
										/* translators: 1: site id, 2: its address. */
										__( '(site %1$d, %2$s)', 'bjlg' ),
										site.blog_id,
										site.url
									) }
								</span>
							</td>
							<td data-label={ __( 'Archives', 'bjlg' ) }>
								{ sprintf(
									/* translators: 1: number of archives, 2: their size. */
									_n(
										'%1$d archive, %2$s',
										'%1$d archives, %2$s',
										site.status.backups.count,
										'bjlg'
									),
									site.status.backups.count,
									formatBytes( site.status.backups.bytes )
								) }
							</td>
							<td data-label={ __( 'Last backup', 'bjlg' ) }>
								{ lastBackup( site.status ) }
							</td>
							<td data-label={ __( 'Schedule', 'bjlg' ) }>
								{ schedule( site.status ) }
							</td>
							<td data-label={ __( 'Encryption', 'bjlg' ) }>
								{ site.status.encryption?.enabled
									? __( 'Encrypted', 'bjlg' )
									: __( 'Not encrypted', 'bjlg' ) }
							</td>
							<td data-label={ __( 'Running', 'bjlg' ) }>
								{ site.status.running
									? sprintf(
											/* translators: %s: the running job's type. */
											__( 'Running: %s', 'bjlg' ),
											site.status.running.job || '—'
										)
									: __( 'Idle', 'bjlg' ) }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}
