/**
 * The site's recent jobs (GET /jobs, newest first), whoever started them: this page, another
 * administrator, WP-Cron's schedule, the command line. Read when the screen opens, on
 * **Refresh**, and every few seconds while one of them has not ended.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { Button, ProgressBar } from '@wordpress/components';
import { read } from '../fetch';
import { FINISHED } from '../store';
import { formatTime } from '../format';
import { jobStateLabel } from './job-progress';
import { NotLoaded } from './not-loaded';

const LIMIT = 10;
const POLL_MS = 3000;

function typeLabel( type ) {
	switch ( type ) {
		case 'backup':
			return __( 'Backup', 'bjlg' );
		case 'verify':
			return __( 'Verification', 'bjlg' );
		case 'restore-test':
			return __( 'Restore test', 'bjlg' );
	}
	return type;
}

function Progress( { job } ) {
	if ( job.percent === null ) {
		return job.phase || '—';
	}
	return (
		<>
			<ProgressBar
				value={ job.percent }
				aria-label={ sprintf(
					/* translators: %d: job id. */
					__( 'Progress of job %d', 'bjlg' ),
					job.id
				) }
			/>
			{ sprintf(
				/* translators: %s: percentage. */
				__( '%s %%', 'bjlg' ),
				job.percent
			) }
		</>
	);
}

export function JobsPanel() {
	const [ jobs, setJobs ] = useState( null );
	const [ error, setError ] = useState( '' );
	const load = useCallback(
		() =>
			read( `/bjlg/v1/jobs?limit=${ LIMIT }` ).then(
				( answer ) => {
					setJobs( answer.jobs );
					setError( '' );
				},
				( failure ) => setError( failure.message )
			),
		[]
	);
	useEffect( () => {
		load();
	}, [ load ] );
	const running = ( jobs || [] ).some(
		( job ) => ! FINISHED.includes( job.state )
	);
	useEffect( () => {
		if ( ! running ) {
			return undefined;
		}
		const timer = setInterval( load, POLL_MS );
		return () => clearInterval( timer );
	}, [ running, load ] );

	return (
		<section className="bjlg-jobs" aria-labelledby="bjlg-jobs-title">
			<h2 id="bjlg-jobs-title">{ __( 'Jobs', 'bjlg' ) }</h2>
			<Button variant="secondary" onClick={ load }>
				{ __( 'Refresh', 'bjlg' ) }
			</Button>
			{ ! jobs && <NotLoaded error={ error } /> }
			{ jobs && jobs.length === 0 && (
				<p>{ __( 'No job yet.', 'bjlg' ) }</p>
			) }
			{ jobs && jobs.length > 0 && (
				<div className="bjlg-table-scroll">
					<table className="bjlg-jobs-table" data-testid="bjlg-jobs">
						<caption className="screen-reader-text">
							{ __( 'Recent jobs, newest first', 'bjlg' ) }
						</caption>
						<thead>
							<tr>
								<th scope="col">{ __( 'Job', 'bjlg' ) }</th>
								<th scope="col">{ __( 'Type', 'bjlg' ) }</th>
								<th scope="col">
									{ __( 'Archive', 'bjlg' ) }
								</th>
								<th scope="col">{ __( 'State', 'bjlg' ) }</th>
								<th scope="col">
									{ __( 'Progress', 'bjlg' ) }
								</th>
								<th scope="col">
									{ __( 'Started', 'bjlg' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ jobs.map( ( job ) => (
								<tr key={ job.id }>
									<td>{ job.id }</td>
									<td>{ typeLabel( job.type ) }</td>
									<td className="bjlg-name">
										{ job.target || '—' }
									</td>
									<td>
										{ jobStateLabel( job ) }
										{ job.state === 'failed' &&
											job.error &&
											`: ${ job.error }` }
									</td>
									<td>
										<Progress job={ job } />
									</td>
									<td>
										{ formatTime(
											job.started_at || job.created_at
										) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
		</section>
	);
}
