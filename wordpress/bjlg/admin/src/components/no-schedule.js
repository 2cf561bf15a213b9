/**
 * What the Overview and the Schedule assistant both say when the site has no schedule.
 */
import { __ } from '@wordpress/i18n';

export function NoSchedule() {
	return (
		<p>
			{ __(
				'No schedule: backups run only when started by hand.',
				'bjlg'
			) }
		</p>
	);
}
